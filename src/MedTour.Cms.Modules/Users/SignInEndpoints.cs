using System.Globalization;
using System.Threading.RateLimiting;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Site;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Sign-in for a site's users (the first administrator lives in the Default tenant): a plain HTML form with
/// antiforgery, Identity's password check rate limited per address and user name, and a redirect to the admin. Works without JavaScript.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Users");
        group.MapGet("/login", LoginPageAsync).WithName("Login");
        group.MapPost("/login", LoginAsync).WithName("LoginPost");
        group.MapPost("/logout", LogoutAsync).WithName("Logout");
        endpoints.MapTwoFactorSignIn();
        endpoints.MapSetPassword();
        return endpoints;
    }

    private static Task<IResult> LoginPageAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery) =>
        RenderLoginAsync(http, renderer, antiforgery, http.Request.Query.ContainsKey("password-set") ? "Your password is set: sign in with it." : null, StatusCodes.Status200OK);

    private static async Task<IResult> LoginAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn,
        SignInRateLimiter limiter, CurrentTenant tenant)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await RenderLoginAsync(http, renderer, antiforgery, "The form has expired: please sign in again.", StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync();
        var userName = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        if (userName.Length == 0 || password.Length == 0)
        {
            return await RenderLoginAsync(http, renderer, antiforgery, userName.Length == 0 ? "username: enter your user name." : "password: enter your password.", StatusCodes.Status400BadRequest);
        }

        using var lease = limiter.Attempt(new SignInAttempt(tenant.Name, http.Connection.RemoteIpAddress, userName));
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return await RenderLoginAsync(http, renderer, antiforgery,
                $"Too many sign-in attempts: please wait {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s) and try again.", StatusCodes.Status429TooManyRequests);
        }

        // No lockout on failure: the rate limits above bound guessing, and a lockout would let anyone lock the account.
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            return Results.Redirect(http.Request.PathBase + "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity keeps who it was in its two-factor cookie until the code is given.
            return Results.Redirect(http.Request.PathBase + TwoFactorSignInEndpoints.Path);
        }

        // A lockout years away is an administrator's "disabled" (UsersAdmin), not a few failed attempts.
        var disabled = result.IsLockedOut && await signIn.UserManager.FindByNameAsync(userName) is { LockoutEnd: { } end } && end > DateTimeOffset.UtcNow.AddYears(1);
        var message = disabled ? "This account is disabled: ask an administrator of this site."
            : result.IsLockedOut ? "This account is locked for a few minutes after too many attempts." : "The user name or password is incorrect.";
        return await RenderLoginAsync(http, renderer, antiforgery, message, StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest("The form has expired.");
        }

        await signIn.SignOutAsync();
        return Results.Redirect(http.Request.PathBase + "/");
    }

    private static Task<IResult> RenderLoginAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, string? message, int status) =>
        renderer.RenderAsync(http, new PageModel(["Login"], new Dictionary<string, object?>
        {
            ["Message"] = message,
            ["Antiforgery"] = Token(http, antiforgery),
        })
        { Title = "Sign in", NoIndex = true }, status);

    private static Dictionary<string, object?> Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new() { ["Name"] = tokens.FormFieldName, ["Value"] = tokens.RequestToken };
    }
}
