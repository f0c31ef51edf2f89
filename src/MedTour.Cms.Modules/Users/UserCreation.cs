using MedTour.Cms.Modules.UsersAdmin;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Creates a user of one tenant from the command line, with the same checks as the admin's invitation
/// (<see cref="UserAccounts"/>): a taken name or e-mail, an unknown role, a weak password. Nothing is stored when
/// anything is wrong; the message names the argument or option at fault. Singleton.
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

        var chosen = password ?? GeneratedPassword.New();
        await using var scope = scopes.CreateScope(tenant);
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(userName, email, roles, chosen);
        if (user is null)
        {
            throw new ArgumentException(string.Join(" ", errors.All.Select(e => $"{Option(e.Field)}: {e.Message}")));
        }

        return chosen;
    }

    /// <summary>The command's name for a field: the USER argument, the --role/--roles options, --email, --password.</summary>
    private static string Option(string field) => field switch
    {
        "userName" => "USER",
        "roles" => "--role",
        var other => "--" + other,
    };
}
