using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Creates a user of one tenant from the command line, with roles and a password checked against Identity's rules.
/// Nothing is stored when anything is wrong (an unknown role, a taken name, a weak password). Singleton.
/// </summary>
public sealed class UserCreation(TenantRegistry registry, TenantScopeFactory scopes)
{
    /// <summary>Returns the password set: <paramref name="password"/>, or a generated one when it is null.</summary>
    public async Task<string> CreateAsync(string tenantName, string userName, string? email, IReadOnlyCollection<string> roles, string? password)
    {
        var tenant = registry.Find(tenantName) ?? throw new TenantNotFoundException(tenantName);
        if (tenant.State != TenantState.Running)
        {
            throw new ArgumentException($"tenant '{tenant.Name}' is {tenant.State}, not running: set it up first.");
        }

        await using var scope = scopes.CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new ArgumentException($"tenant '{tenant.Name}' already has a user '{userName}'.");
        }

        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                throw new ArgumentException($"--role: tenant '{tenant.Name}' has no role '{role}'.");
            }
        }

        var user = new IdentityUser(userName) { Email = email, EmailConfirmed = email is not null };
        var chosen = password ?? GeneratedPassword.New();
        var created = await users.CreateAsync(user, chosen);
        if (!created.Succeeded)
        {
            throw new ArgumentException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        if (roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded)
            {
                // The user without its roles would be a half-done command: take it back.
                await users.DeleteAsync(user);
                throw new ArgumentException("--role: " + string.Join(" ", added.Errors.Select(e => e.Description)));
            }
        }

        return chosen;
    }
}
