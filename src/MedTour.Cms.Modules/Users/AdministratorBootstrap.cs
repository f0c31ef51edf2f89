using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Gives every running tenant its roles and an administrator: the MedTour roles when the tenant has none (users from
/// before roles existed become Administrators, as they were), today's default permissions on roles an earlier build
/// set up and nobody edited, and a user <c>MedTour:Admin:UserName</c> in the
/// Administrator role when it has no user at all. The password comes from <c>MedTour:Admin:Password</c> or is
/// generated once per run, shared by the tenants set up in that run, and printed once. Singleton.
/// </summary>
public sealed class AdministratorBootstrap(TenantRegistry registry, TenantScopeFactory scopes, IOptions<AdminOptions> options, ILogger<AdministratorBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        var admin = options.Value;
        var generated = string.IsNullOrEmpty(admin.Password) ? GeneratedPassword.New() : null;
        var created = new List<string>();
        foreach (var tenant in registry.All.Where(t => t.State == TenantState.Running))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await EnsureTenantAsync(tenant, admin, generated ?? admin.Password!))
            {
                created.Add(tenant.Name);
            }
        }

        if (generated is not null && created.Count > 0)
        {
            // Printed once, to the console only (not the structured log): it is not stored anywhere else.
            Console.WriteLine($"""

                Administrator created on {string.Join(", ", created)}: user '{admin.UserName}', password '{generated}'.
                Keep it now: it is shown only this once (set MedTour__Admin__Password to choose your own).

                """);
        }
    }

    private async Task<bool> EnsureTenantAsync(TenantSettings tenant, AdminOptions admin, string password)
    {
        await using var scope = scopes.CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!roles.Roles.Any())
        {
            await scope.ServiceProvider.GetRequiredService<RoleStore>().EnsureDefaultsAsync();
            foreach (var existing in users.Users.ToList())
            {
                await users.AddToRoleAsync(existing, DefaultRoles.Administrator);
            }
        }

        // Roles set up by an earlier build get today's default permissions, where no administrator changed them.
        await scope.ServiceProvider.GetRequiredService<DefaultRolesUpgrade>().RunAsync();

        if (users.Users.Any())
        {
            return false;
        }

        var user = new IdentityUser { UserName = admin.UserName, Email = admin.Email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, DefaultRoles.Administrator);
        }

        if (!result.Succeeded)
        {
            throw new Setup.SetupException($"MedTour:Admin: the administrator of {tenant.Name} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        logger.LogInformation("Administrator {UserName} created in tenant {Tenant}", admin.UserName, tenant.Name);
        return true;
    }
}

/// <summary>Configuration section <c>MedTour:Admin</c>.</summary>
public sealed class AdminOptions
{
    public string UserName { get; set; } = "admin";
    public string Email { get; set; } = "admin@medtour.example";
    public string? Password { get; set; }

    /// <summary>Administrators must set up an authenticator (TOTP) before they reach the admin.</summary>
    public bool RequireTwoFactor { get; set; }
}
