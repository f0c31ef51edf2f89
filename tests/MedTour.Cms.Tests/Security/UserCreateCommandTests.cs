using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Security;

/// <summary><c>user create TENANT USER [--email E] [--roles R1,R2] [--password P]</c>: a user with roles; bad input exits with 2 and stores nothing.</summary>
[Collection(SqliteCollection.Name)]
public sealed class UserCreateCommandTests(SqliteSite site)
{
    private const string Password = "Created-user-password-42";

    [Fact]
    public async Task Creates_a_user_in_its_roles_who_can_sign_in()
    {
        var exit = await CommandLine.RunAsync(site.Factory.Services,
            ["user", "create", "ukraine", "cli-author", "--email", "cli-author@example.org", "--roles", $"{DefaultRoles.Author},{DefaultRoles.MedicalEditor}", "--password", Password]);

        Assert.Equal(0, exit);
        await using var scope = site.TenantScope("ukraine");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByNameAsync("cli-author");
        Assert.NotNull(user);
        Assert.Equal("cli-author@example.org", user.Email);
        Assert.Equal([DefaultRoles.Author, DefaultRoles.MedicalEditor], (await users.GetRolesAsync(user)).Order());
        Assert.Equal(HttpStatusCode.Redirect, (await site.ClientFrom("192.0.2.60").SignInAsync("/ua", "cli-author", Password)).StatusCode);
    }

    [Theory]
    [InlineData("no-such-tenant", "cli-refused", "Editor", Password)]
    [InlineData("ukraine", "cli-refused", "NoSuchRole", Password)]
    [InlineData("ukraine", "cli-refused", "Editor", "short")]
    [InlineData("ukraine", "admin", "Editor", Password)]
    public async Task Bad_input_exits_with_2_and_stores_nothing(string tenant, string user, string role, string password)
    {
        var exit = await CommandLine.RunAsync(site.Factory.Services, ["user", "create", tenant, user, "--roles", role, "--password", password]);

        Assert.Equal(2, exit);
        await using var scope = site.TenantScope("ukraine");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.Null(await users.FindByNameAsync("cli-refused"));
        Assert.False(await users.IsInRoleAsync((await users.FindByNameAsync("admin"))!, "Editor"));
    }
}
