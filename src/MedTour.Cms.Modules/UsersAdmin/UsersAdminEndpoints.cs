using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace MedTour.Cms.Modules.UsersAdmin;

/// <summary>The handlers of <c>/admin/users</c>. A one-time link or password is the answer to its post (never stored, never redirected to).</summary>
internal static class UsersAdminEndpoints
{
    /// <summary>What every handler needs, bound by <c>[AsParameters]</c>.</summary>
    internal readonly record struct Services(AdminRequest Admin, UserDirectory Directory, UserAccounts Accounts, UserManager<IdentityUser> Users, InvitationMail Invitations);

    public static async Task<IResult> ListAsync(string? q, int? page, [AsParameters] Services s) =>
        AdminResults.Page<UserListPage>(new Dictionary<string, object?>
        {
            ["Query"] = q,
            ["Result"] = await s.Directory.SearchAsync(q, page ?? 1),
        });

    public static async Task<IResult> InvitePageAsync([AsParameters] Services s) => await InviteFormAsync(s, new InviteForm(), null, StatusCodes.Status200OK);

    public static async Task<IResult> InviteAsync(HttpContext http, [AsParameters] Services s)
    {
        var form = await http.Request.ReadFormAsync();
        var posted = new InviteForm(form["userName"].ToString(), form["email"].ToString(), [.. form["roles"].Select(r => r ?? string.Empty)]);
        var errors = new FormErrors();
        if (posted.Email.Trim().Length == 0)
        {
            errors.Add("email", s.Admin.T("Enter the e-mail address the invitation is for."));
        }

        var (user, created) = errors.Any ? (null, errors) : await s.Accounts.CreateAsync(posted.UserName, posted.Email, posted.Roles, password: null);
        if (user is null)
        {
            return await InviteFormAsync(s, posted, created, StatusCodes.Status400BadRequest);
        }

        var link = PasswordLink(http, user, await s.Accounts.PasswordLinkTokenAsync(user));
        await s.Invitations.QueueAsync(user, link, LinkHours(http), http.RequestAborted);
        return AdminResults.Page<OneTimeSecretPage>(new Dictionary<string, object?>
        {
            ["UserId"] = user.Id,
            ["Message"] = s.Admin.T("{0} is invited: an e-mail with a link to set their password is on its way to {1}. The link works once and expires in {2} hours; it is also shown here, only now.", user.UserName, user.Email, LinkHours(http)),
            ["Link"] = link,
        });
    }

    public static async Task<IResult> EditPageAsync(string id, [AsParameters] Services s) =>
        await s.Users.FindByIdAsync(id) is { } user ? await EditFormAsync(s, user, null, null, StatusCodes.Status200OK) : NotFound();

    public static async Task<IResult> SetRolesAsync(string id, HttpContext http, [AsParameters] Services s)
    {
        if (await s.Users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var roles = (await http.Request.ReadFormAsync())["roles"].Select(r => r ?? string.Empty).ToList();
        var errors = await s.Accounts.SetRolesAsync(user, roles);
        return errors.Any
            ? await EditFormAsync(s, user, roles, errors, StatusCodes.Status400BadRequest)
            : AdminResults.RedirectWithFlash(s.Admin, "/admin/users/" + Uri.EscapeDataString(id), s.Admin.T("The roles of {0} are saved.", user.UserName));
    }

    public static async Task<IResult> SetDisabledAsync(string id, bool disabled, HttpContext http, Services s)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await s.Users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var errors = await s.Accounts.SetDisabledAsync(user, disabled, s.Users.GetUserId(http.User) ?? string.Empty);
        return errors.Any
            ? await EditFormAsync(s, user, null, errors, StatusCodes.Status400BadRequest)
            : AdminResults.RedirectWithFlash(s.Admin, "/admin/users/" + Uri.EscapeDataString(id),
                disabled ? s.Admin.T("{0} is disabled: they cannot sign in.", user.UserName) : s.Admin.T("{0} is enabled.", user.UserName));
    }

    public static async Task<IResult> ResetPasswordAsync(string id, HttpContext http, [AsParameters] Services s)
    {
        if (await s.Users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var mode = (await http.Request.ReadFormAsync())["mode"].ToString();
        var parameters = new Dictionary<string, object?> { ["UserId"] = user.Id };
        switch (mode)
        {
            case "link":
                parameters["Message"] = s.Admin.T("Send {0} this link to set a new password; it works once and expires in {1} hours. It is shown only now.", user.UserName, LinkHours(http));
                parameters["Link"] = PasswordLink(http, user, await s.Accounts.PasswordLinkTokenAsync(user));
                break;
            case "password":
                parameters["Message"] = s.Admin.T("The new password of {0}, shown only now. Their other sessions have ended.", user.UserName);
                parameters["Password"] = await s.Accounts.ResetToGeneratedPasswordAsync(user);
                break;
            default:
                return await EditFormAsync(s, user, null, new FormErrors().Add("mode", s.Admin.T("Choose a one-time link or a generated password.")), StatusCodes.Status400BadRequest);
        }

        return AdminResults.Page<OneTimeSecretPage>(parameters);
    }

    private static async Task<IResult> InviteFormAsync(Services s, InviteForm form, FormErrors? errors, int status) =>
        AdminResults.Page<InviteUserPage>(new Dictionary<string, object?>
        {
            ["Form"] = form,
            ["Roles"] = await s.Directory.RoleNamesAsync(),
            ["Errors"] = errors,
        }, status);

    private static async Task<IResult> EditFormAsync(Services s, IdentityUser user, IReadOnlyList<string>? postedRoles, FormErrors? errors, int status) =>
        AdminResults.Page<EditUserPage>(new Dictionary<string, object?>
        {
            ["User"] = user,
            ["UserRoles"] = postedRoles ?? [.. await s.Users.GetRolesAsync(user)],
            ["Roles"] = await s.Directory.RoleNamesAsync(),
            ["Disabled"] = UserAccounts.IsDisabled(user.LockoutEnd, DateTimeOffset.UtcNow),
            ["Errors"] = errors,
        }, status);

    private static IResult NotFound() =>
        AdminResults.Page<UserNotFoundPage>(statusCode: StatusCodes.Status404NotFound);

    /// <summary>An absolute link to this tenant's set-password page, as it must work when pasted into an e-mail.</summary>
    private static string PasswordLink(HttpContext http, IdentityUser user, string token) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";

    private static int LinkHours(HttpContext http) =>
        (int)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionTokenProviderOptions>>(http.RequestServices).Value.TokenLifespan.TotalHours;
}

/// <summary>The invitation form's values, kept when it is shown again with errors.</summary>
public sealed record InviteForm(string UserName = "", string Email = "", IReadOnlyList<string>? Roles = null)
{
    public IReadOnlyList<string> Roles { get; init; } = Roles ?? [];
}
