using MedTour.Cms.Display;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// <c>/set-password?user=…&amp;token=…</c>: where an invited user, or one whose password an administrator reset, chooses
/// a password. The token is Identity's password-reset token: it expires, and setting the password changes the security
/// stamp it is bound to, so the link works once. A bad or used link says so and changes nothing.
/// </summary>
public static class SetPasswordEndpoints
{
    public static IEndpointRouteBuilder MapSetPassword(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/set-password").WithTags("Users");
        group.MapGet("", ShowAsync).WithName("SetPassword");
        group.MapPost("", SaveAsync).WithName("SetPasswordPost").DisableAntiforgery(); // checked below, with a page as the answer
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string? user, string? token, HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, UserManager<IdentityUser> users) =>
        await ValidAsync(users, user, token) is { } found
            ? await RenderAsync(http, renderer, antiforgery, found, token!, null, StatusCodes.Status200OK)
            : await RenderAsync(http, renderer, antiforgery, null, null, LinkExpired, StatusCodes.Status400BadRequest);

    private static async Task<IResult> SaveAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, UserManager<IdentityUser> users)
    {
        var form = await http.Request.ReadFormAsync();
        var token = form["token"].ToString();
        var found = await ValidAsync(users, form["user"].ToString(), token);
        if (found is null)
        {
            return await RenderAsync(http, renderer, antiforgery, null, null, LinkExpired, StatusCodes.Status400BadRequest);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await RenderAsync(http, renderer, antiforgery, found, token, "The form has expired: please try again.", StatusCodes.Status400BadRequest);
        }

        var password = form["password"].ToString();
        if (password != form["confirm"].ToString())
        {
            return await RenderAsync(http, renderer, antiforgery, found, token, "confirm: the two passwords differ.", StatusCodes.Status400BadRequest);
        }

        var result = await users.ResetPasswordAsync(found, token, password);
        if (!result.Succeeded)
        {
            return await RenderAsync(http, renderer, antiforgery, found, token, "password: " + string.Join(" ", result.Errors.Select(e => e.Description)), StatusCodes.Status400BadRequest);
        }

        // Also ends a failed-attempt lockout; a disabled account stays disabled (its lockout is far in the future).
        await users.ResetAccessFailedCountAsync(found);
        return Results.Redirect(http.Request.PathBase + "/login?password-set=1");
    }

    private const string LinkExpired = "This link has expired or was already used: ask an administrator for a new one.";

    private static async Task<IdentityUser?> ValidAsync(UserManager<IdentityUser> users, string? id, string? token)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<IdentityUser>.ResetPasswordTokenPurpose, token)
            ? user : null;
    }

    private static Task<IResult> RenderAsync(HttpContext http, PageRenderer renderer, IAntiforgery antiforgery, IdentityUser? user, string? token, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return renderer.RenderAsync(http, new PageModel(["SetPassword"], new Dictionary<string, object?>
        {
            ["Message"] = message,
            ["UserId"] = user?.Id,
            ["UserName"] = user?.UserName,
            ["Token"] = token,
            ["Antiforgery"] = new Dictionary<string, object?> { ["Name"] = tokens.FormFieldName, ["Value"] = tokens.RequestToken },
        })
        { Title = "Set your password", NoIndex = true }, status);
    }
}
