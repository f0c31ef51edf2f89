using MedTour.Cms.Modules.Users;

namespace MedTour.Cms.Web.Cli;

/// <summary>
/// <c>user create TENANT USER [--email E] [--roles R1,R2] [--password P]</c> and
/// <c>user reset-password TENANT USER [--password P]</c>: each prints the generated password when none is given.
/// </summary>
public static class UserCommands
{
    public static async Task<int> CreateAsync(IServiceProvider services, CommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = options.Required(2, "tenant name");
        var user = options.Required(3, "user name");
        var given = options.Named("password");
        var roles = options.List("roles");
        var password = await services.GetRequiredService<UserCreation>().CreateAsync(tenant, user, options.Named("email"), roles, given);
        var inRoles = roles.Count == 0 ? "" : $" in {string.Join(", ", roles)}";
        Console.WriteLine(given is null
            ? $"User {user} created in {tenant}{inRoles} with password '{password}' (shown only this once)."
            : $"User {user} created in {tenant}{inRoles}.");
        return 0;
    }

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
}
