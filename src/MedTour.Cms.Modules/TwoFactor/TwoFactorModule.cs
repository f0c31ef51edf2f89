using MedTour.Cms.Modules.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.TwoFactor;

/// <summary>
/// Optional two-factor sign-in with an authenticator app (Identity's TOTP support): <c>/admin/two-factor</c> for every
/// admin user, and, when <c>MedTour:Admin:RequireTwoFactor</c> is on, a gate that sends Administrators without it there.
/// </summary>
public static class TwoFactorModule
{
    public const string PagePath = "/admin/two-factor";

    public static IServiceCollection AddTwoFactorModule(this IServiceCollection services)
    {
        services.AddScoped<IAdminGate, TwoFactorGate>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwoFactor(this IEndpointRouteBuilder endpoints)
    {
        var twoFactor = endpoints.MapAdminArea("/two-factor");
        twoFactor.MapGet("", TwoFactorEndpoints.ShowAsync);
        twoFactor.MapPost("/enable", TwoFactorEndpoints.EnableAsync);
        twoFactor.MapPost("/recovery-codes", TwoFactorEndpoints.NewRecoveryCodesAsync);
        twoFactor.MapPost("/disable", TwoFactorEndpoints.DisableAsync);
        return endpoints;
    }
}
