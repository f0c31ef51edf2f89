using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Sets a user's password from the command line (a forgotten administrator password): checks it against Identity's
/// rules first, then stores it, ends any lockout and changes the security stamp so other sessions end. Singleton.
/// </summary>
public sealed class PasswordReset(TenantRegistry registry, TenantScopeFactory scopes)
{
    /// <summary>Returns the password set: <paramref name="password"/>, or a generated one when it is null.</summary>
    public async Task<string> ResetAsync(string tenantName, string userName, string? password)
    {
        var tenant = registry.Find(tenantName) ?? throw new TenantNotFoundException(tenantName);
        if (tenant.State != TenantState.Running)
        {
            throw new ArgumentException($"tenant '{tenant.Name}' is {tenant.State}, not running: it has no users to change.");
        }

        await using var scope = scopes.CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new ArgumentException($"tenant '{tenant.Name}' has no user '{userName}'.");
        var chosen = password ?? GeneratedPassword.New();
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, chosen);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("--password: " + string.Join(" ", errors));
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, chosen);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        // Saves the user with its new hash and a new stamp in one update.
        var update = await users.UpdateSecurityStampAsync(user);
        if (!update.Succeeded)
        {
            throw new InvalidOperationException("The password could not be stored: " + string.Join(" ", update.Errors.Select(e => e.Description)));
        }

        return chosen;
    }
}
