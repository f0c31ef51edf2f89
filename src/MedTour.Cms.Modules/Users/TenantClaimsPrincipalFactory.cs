using System.Security.Claims;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Users;

/// <summary>Signs every user in with the tenant that knows them, so a cookie of one site is worth nothing on another.</summary>
public sealed class TenantClaimsPrincipalFactory(UserManager<IdentityUser> users, IOptions<IdentityOptions> options, CurrentTenant tenant)
    : UserClaimsPrincipalFactory<IdentityUser>(users, options)
{
    public const string TenantClaim = "medtour:tenant";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TenantClaim, tenant.Name));
        return identity;
    }

    /// <summary>Rejects a sign-in cookie issued by another tenant (the Default tenant's cookie path covers every prefix).</summary>
    public static async Task ValidateTenantAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>();
        if (!current.IsSet || context.Principal?.FindFirst(TenantClaim)?.Value != current.Name)
        {
            context.RejectPrincipal();
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
