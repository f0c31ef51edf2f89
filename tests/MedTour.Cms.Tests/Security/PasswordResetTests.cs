using System.Net;
using System.Text.RegularExpressions;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Security;

/// <summary><c>user reset-password TENANT USER [--password P]</c>: a forgotten password is replaced; bad input changes nothing and exits with 2.</summary>
[Collection(SqliteCollection.Name)]
public sealed partial class PasswordResetTests(SqliteSite site)
{
    private const string OldPassword = "Old-reset-password-42";

    [Fact]
    public async Task Reset_without_a_password_prints_a_generated_one_that_signs_in()
    {
        await CreateUserAsync("reset-generated");
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await CommandLine.RunAsync(site.Factory.Services, ["user", "reset-password", "Default", "reset-generated"]);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal(0, exit);
        var password = PrintedPassword().Match(output.ToString()).Groups[1].Value;
        Assert.True(password.Length >= 12, output.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("192.0.2.50").SignInAsync("/", "reset-generated", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.ClientFrom("192.0.2.51").SignInAsync("/", "reset-generated", OldPassword)).StatusCode);
    }

    [Fact]
    public async Task Reset_with_a_password_sets_it()
    {
        await CreateUserAsync("reset-chosen");

        var exit = await CommandLine.RunAsync(site.Factory.Services, ["user", "reset-password", "Default", "reset-chosen", "--password", "Chosen-password-0042"]);

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("192.0.2.52").SignInAsync("/", "reset-chosen", "Chosen-password-0042")).StatusCode);
    }

    [Theory]
    [InlineData("Default", "reset-refused", "short")]
    [InlineData("Default", "no-such-user", "Chosen-password-0042")]
    [InlineData("no-such-tenant", "reset-refused", "Chosen-password-0042")]
    public async Task Bad_input_exits_with_2_and_changes_nothing(string tenant, string user, string password)
    {
        await CreateUserAsync("reset-refused");

        var exit = await CommandLine.RunAsync(site.Factory.Services, ["user", "reset-password", tenant, user, "--password", password]);

        Assert.Equal(2, exit);
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("192.0.2.53").SignInAsync("/", "reset-refused", OldPassword)).StatusCode);
    }

    private async Task CreateUserAsync(string name)
    {
        await using var scope = site.TenantScope("Default");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync(name) is null)
        {
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = name }, OldPassword)).Succeeded);
        }
    }

    [GeneratedRegex("reset to '([^']+)'")]
    private static partial Regex PrintedPassword();
}
