using System.Net;
using System.Text.RegularExpressions;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary><c>user create TENANT USER [--email E] [--role R …] [--password P]</c>: the user signs in with its roles; bad input names the option, exits with 2 and creates nothing.</summary>
[Collection(SqliteCollection.Name)]
public sealed partial class UserCreateCommandTests(SqliteSite site)
{
    [Fact]
    public async Task Without_a_password_it_prints_a_generated_one_that_signs_in_with_the_roles_given()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var (exit, output, _) = await RunAsync("user", "create", "ukraine", name, "--role", DefaultRoles.Editor, "--role", DefaultRoles.Author, "--email", name + "@example.com");

        Assert.Equal(0, exit);
        var password = PrintedPassword().Match(output).Groups[1].Value;
        Assert.True(password.Length >= 12, output);
        using var session = await site.SignInAsync("ukraine", name, password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).StatusCode);
        await using var scope = site.TenantScope("ukraine");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByNameAsync(name))!;
        Assert.Equal([DefaultRoles.Author, DefaultRoles.Editor], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
        Assert.Equal(name + "@example.com", user.Email);
    }

    [Fact]
    public async Task With_a_password_it_sets_that_one_and_prints_none()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var (exit, output, _) = await RunAsync("user", "create", "Default", name, "--password", "Chosen-cli-password-42");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Chosen-cli-password-42", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("192.0.2.60").SignInAsync("/", name, "Chosen-cli-password-42")).StatusCode);
    }

    [Theory]
    [InlineData("no-such-tenant", "{new}", "--role", "Editor", "no-such-tenant")]
    [InlineData("ukraine", "admin", "--role", "Editor", "USER")]
    [InlineData("ukraine", "{new}", "--role", "NoSuchRole", "--role")]
    [InlineData("ukraine", "{new}", "--password", "short", "--password")]
    [InlineData("ukraine", "{new}", "--email", "not-an-address", "--email")]
    public async Task Bad_input_names_what_is_wrong_exits_with_2_and_creates_nobody(string tenant, string user, string option, string value, string named)
    {
        var name = user == "{new}" ? "cli-bad-" + Guid.NewGuid().ToString("N")[..8] : user;
        var (exit, _, error) = await RunAsync("user", "create", tenant, name, option, value);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        if (user == "{new}" && tenant == "ukraine")
        {
            await using var scope = site.TenantScope(tenant);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name));
        }
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (console, consoleError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await CommandLine.RunAsync(site.Factory.Services, args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(console);
            Console.SetError(consoleError);
        }
    }

    [GeneratedRegex("with password '([^']+)'")]
    private static partial Regex PrintedPassword();
}
