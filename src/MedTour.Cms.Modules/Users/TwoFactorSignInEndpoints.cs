using System.Threading.RateLimiting;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// The second step of signing in for users with an authenticator: the six-digit code (or a recovery code), after the
/// password was right. Limited like the password, by address and user name, so codes cannot be guessed.
/// </summary>
public static class TwoFactorSignInEndpoints
{
    public const string Path = "/login/two-factor";

    public static IEndpointRouteBuilder MapTwoFactorSignIn(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).WithTags("Users");
        group.MapGet("", ShowAsync).WithName("LoginTwoFactor");
        group.MapPost("", VerifyAsync).WithName("LoginTwoFactorPost").DisableAntiforgery(); // checked below, with a page as the answer
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Results.Redirect(http.Request.PathBase + "/login")
            : await RenderAsync(http, renderer, antiforgery, null, StatusCodes.Status200OK);

    private static async Task<IResult> VerifyAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn,
        SignInRateLimiter limiter, CurrentTenant tenant)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Results.Redirect(http.Request.PathBase + "/login");
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await RenderAsync(http, renderer, antiforgery, "The form has expired: please try again.", StatusCodes.Status400BadRequest);
        }

        var code = new string((await http.Request.ReadFormAsync())["code"].ToString().Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0)
        {
            return await RenderAsync(http, renderer, antiforgery, "code: enter the code from your authenticator app.", StatusCodes.Status400BadRequest);
        }

        using var lease = limiter.Attempt(new SignInAttempt(tenant.Name, http.Connection.RemoteIpAddress, user.UserName ?? user.Id));
        if (!lease.IsAcquired)
        {
            return await RenderAsync(http, renderer, antiforgery, "Too many attempts: please wait a few minutes and try again.", StatusCodes.Status429TooManyRequests);
        }

        // Six digits are an authenticator code; anything else is one of the recovery codes (xxxxx-xxxxx, each works once).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return result.Succeeded
            ? Results.Redirect(http.Request.PathBase + "/admin")
            : await RenderAsync(http, renderer, antiforgery, "code: the code is not right, or has expired. Try the current one.", StatusCodes.Status401Unauthorized);
    }

    private static Task<IResult> RenderAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return renderer.RenderAsync(http, new PageModel(["LoginTwoFactor"], new Dictionary<string, object?>
        {
            ["Message"] = message,
            ["Antiforgery"] = new Dictionary<string, object?> { ["Name"] = tokens.FormFieldName, ["Value"] = tokens.RequestToken },
        })
        { Title = "Two-factor sign-in", NoIndex = true }, status);
    }
}
