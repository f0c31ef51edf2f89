using MedTour.Cms.Modules.Users;
using MedTour.Cms.Modules.UsersAdmin;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Web.Cli;

/// <summary>
/// <c>user create TENANT USER [--email E] [--role R …] [--password P]</c> and <c>user reset-password TENANT USER [--password P]</c>:
/// each prints the generated password when none is given.
/// </summary>
public static class UserCommands
{
    public static async Task<int> ResetPasswordAsync(IServiceProvider services, CommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = options.Required(2, "tenant name");
        var user = options.Required(3, "user name");
        var given = options.Named("password");
        var password = await services.GetRequiredService<PasswordReset>().ResetAsync(tenant, user, given);
        Console.WriteLine(given is null
            ? $"Password of {user} in {tenant} reset to '{password}' (shown only this once)."
            : $"Password of {user} in {tenant} changed.");
        return 0;
    }

    public static async Task<int> CreateAsync(IServiceProvider services, CommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenantName = options.Required(2, "tenant name");
        var userName = options.Required(3, "user name");
        var tenant = services.GetRequiredService<TenantRegistry>().Find(tenantName) ?? throw new TenantNotFoundException(tenantName);
        if (tenant.State != TenantState.Running)
        {
            throw new ArgumentException($"tenant '{tenant.Name}' is {tenant.State}, not running: it has no users yet.");
        }

        var given = options.Named("password");
        var password = given ?? GeneratedPassword.New();
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(userName, options.Named("email"), options.All("role"), password);
        if (user is null)
        {
            // The field names match the options: userName is the USER argument, roles the --role options.
            throw new ArgumentException(string.Join(" ", errors.All.Select(e => $"{Option(e.Field)}: {e.Message}")));
        }

        Console.WriteLine(given is null
            ? $"User {userName} created in {tenant.Name} with password '{password}' (shown only this once)."
            : $"User {userName} created in {tenant.Name}.");
        return 0;
    }

    private static string Option(string field) => field switch
    {
        "userName" => "USER",
        "roles" => "--role",
        var other => "--" + other,
    };
}
