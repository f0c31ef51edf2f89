using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Creates the first administrator of the Default tenant when it has no user: password from configuration
/// (<c>MedTour:Admin:Password</c>) or generated and printed once. Singleton.
/// </summary>
public sealed class AdministratorBootstrap(TenantRegistry registry, TenantScopeFactory scopes, IOptions<AdminOptions> options, ILogger<AdministratorBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        var tenant = registry.Find(TenantSettings.DefaultName) ?? throw new TenantNotFoundException(TenantSettings.DefaultName);
        await using var scope = scopes.CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var admin = options.Value;
        var generated = string.IsNullOrEmpty(admin.Password);
        var password = generated ? GeneratedPassword.New() : admin.Password!;
        var user = new IdentityUser { UserName = admin.UserName, Email = admin.Email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new Setup.SetupException($"MedTour:Admin: the administrator could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (generated)
        {
            // Printed once, to the console only (not the structured log): it is not stored anywhere else.
            Console.WriteLine($"""

                First administrator created: user '{admin.UserName}', password '{password}'.
                Keep it now: it is shown only this once (set MedTour__Admin__Password to choose your own).

                """);
        }

        logger.LogInformation("Administrator {UserName} created in the Default tenant", admin.UserName);
    }
}

/// <summary>Configuration section <c>MedTour:Admin</c>.</summary>
public sealed class AdminOptions
{
    public string UserName { get; set; } = "admin";
    public string Email { get; set; } = "admin@medtour.example";
    public string? Password { get; set; }
}
