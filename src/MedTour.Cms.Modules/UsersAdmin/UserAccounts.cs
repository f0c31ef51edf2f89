using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.UsersAdmin;

/// <summary>
/// What an administrator (or the CLI) does to the tenant's users: create or invite, assign roles, disable and enable,
/// reset a password. Every input is checked before anything is written, and a user with its roles is written in one
/// transaction. The rules that keep a site manageable: the last active Administrator stays one, nobody disables
/// themselves. Scoped.
/// </summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, CmsDbContext db, TimeProvider clock, UserMessages messages)
{
    private UserMessages Admin => messages;

    /// <summary>A disabled account is locked out until a date no one will reach (Identity has no "disabled" flag).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now;

    /// <summary>
    /// Creates a user with <paramref name="roles"/>. Without <paramref name="password"/> it has none yet: an invited
    /// user who sets it through a one-time link.
    /// </summary>
    public async Task<(IdentityUser? User, FormErrors Errors)> CreateAsync(string userName, string? email, IReadOnlyCollection<string> roles, string? password)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new FormErrors();
        userName = userName.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (userName.Length == 0)
        {
            errors.Add("userName", Admin.T("Enter a user name."));
        }
        else if (userName.Length > 256 || userName.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            errors.Add("userName", Admin.T("A user name may contain only letters, digits and - . _ @ +."));
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors.Add("userName", Admin.T("The user name {0} is taken.", userName));
        }

        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", Admin.T("Enter an e-mail address like name@example.com."));
        }
        else if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", Admin.T("Another user has the e-mail address {0}.", email));
        }

        await CheckRolesAsync(roles, errors);
        var user = new IdentityUser { UserName = userName, Email = email, EmailConfirmed = email is not null };
        if (password is not null)
        {
            await CheckPasswordAsync(user, password, errors);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded && roles.Count > 0)
        {
            created = await users.AddToRolesAsync(user, roles.Distinct(StringComparer.Ordinal));
        }

        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            errors.Add("userName", string.Join(" ", created.Errors.Select(e => e.Description)));
            return (null, errors);
        }

        await transaction.CommitAsync();
        return (user, errors);
    }

    /// <summary>Replaces the user's roles; refuses to take the Administrator role from the last active administrator.</summary>
    public async Task<FormErrors> SetRolesAsync(IdentityUser user, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new FormErrors();
        await CheckRolesAsync(roles, errors);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(DefaultRoles.Administrator) && !roles.Contains(DefaultRoles.Administrator) && !await OtherActiveAdministratorAsync(user))
        {
            errors.Add("roles", Admin.T("{0} is the last active Administrator: the site needs one.", user.UserName));
        }

        if (errors.Any)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal));
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            return errors.Add("roles", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync();
        return errors;
    }

    /// <summary>
    /// Disables (for good, until enabled) or enables an account. A disabled user cannot sign in, their permissions are
    /// gone at the next request, and the new security stamp ends their sessions.
    /// </summary>
    public async Task<FormErrors> SetDisabledAsync(IdentityUser user, bool disabled, string actorId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new FormErrors();
        if (disabled && user.Id == actorId)
        {
            return errors.Add("disabled", Admin.T("You cannot disable your own account."));
        }

        if (disabled && await users.IsInRoleAsync(user, DefaultRoles.Administrator) && !await OtherActiveAdministratorAsync(user))
        {
            return errors.Add("disabled", Admin.T("{0} is the last active Administrator: the site needs one.", user.UserName));
        }

        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DisabledUntil : null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? errors : errors.Add("disabled", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A token for the one-time set-password link (Identity's reset token: it expires, and setting a password changes the stamp it is bound to).</summary>
    public Task<string> PasswordLinkTokenAsync(IdentityUser user) => users.GeneratePasswordResetTokenAsync(user);

    /// <summary>Sets a generated password, shown once to the administrator; other sessions of the user end.</summary>
    public async Task<string> ResetToGeneratedPasswordAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var password = Users.GeneratedPassword.New();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        return result.Succeeded ? password : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public async Task CheckPasswordAsync(IdentityUser user, string password, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            errors.Add("password", Admin.T("The password is too weak:") + " " + string.Join(" ", problems));
        }
    }

    private async Task CheckRolesAsync(IReadOnlyCollection<string> roles, FormErrors errors)
    {
        var known = await db.Roles.Select(r => r.Name!).ToListAsync();
        var unknown = roles.Where(r => !known.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("roles", Admin.T("There is no role {0} on this site.", string.Join(", ", unknown)));
        }
    }

    private async Task<bool> OtherActiveAdministratorAsync(IdentityUser user)
    {
        var now = clock.GetUtcNow();
        // Lockout compared here: SQLite cannot compare DateTimeOffset values in SQL.
        var others = await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            join other in db.Users on userRole.UserId equals other.Id
                            where role.Name == DefaultRoles.Administrator && other.Id != user.Id
                            select other.LockoutEnd).ToListAsync();
        return others.Exists(end => !IsDisabled(end, now));
    }
}
