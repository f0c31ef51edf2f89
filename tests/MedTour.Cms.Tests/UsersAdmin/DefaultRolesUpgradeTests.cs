using MedTour.Cms.Data;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.Users;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.SiteAdmin;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.UsersAdmin;

/// <summary>
/// A site set up by an earlier build keeps the role lists of that build until the next start, which brings the roles
/// nobody edited to today's lists once (the Author's PreviewContent becomes PreviewOwnContent) and leaves edited ones.
/// </summary>
public abstract class DefaultRolesUpgradeTests(SiteFixture site)
{
    [Fact]
    public async Task At_start_untouched_default_roles_of_an_older_site_get_todays_permissions_once_and_edited_roles_are_kept()
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null);
        admin.Dispose();
        string[] edited = ["AccessAdminPanel", "ManageMediaContent"];
        await using (var scope = site.TenantScope(name))
        {
            // The site as the first admin build left it: Author previews every draft, no upgrade recorded.
            var roles = scope.ServiceProvider.GetRequiredService<RoleStore>();
            await roles.SaveAsync(DefaultRoles.Author, null, DefaultRoleHistory.Earlier[1][DefaultRoles.Author]);
            await roles.SaveAsync(DefaultRoles.RegionalLead, null, DefaultRoleHistory.Earlier[2][DefaultRoles.RegionalLead]);
            await roles.SaveAsync(DefaultRoles.Coordinator, null, edited);
            await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(DefaultRolesUpgrade.DocumentName, new RoleDefaultsDocument { Version = 0 });
        }

        Assert.Contains("PreviewContent", (await RoleAsync(name, DefaultRoles.Author)).Permissions);

        await site.Service<AdministratorBootstrap>().EnsureAsync();

        var author = await RoleAsync(name, DefaultRoles.Author);
        Assert.Contains("PreviewOwnContent", author.Permissions);
        Assert.DoesNotContain("PreviewContent", author.Permissions);
        Assert.Equal(Stereotype(DefaultRoles.Author), author.Permissions);
        Assert.Equal(Stereotype(DefaultRoles.RegionalLead), (await RoleAsync(name, DefaultRoles.RegionalLead)).Permissions);
        Assert.Equal(edited.Order(StringComparer.Ordinal), (await RoleAsync(name, DefaultRoles.Coordinator)).Permissions);
        Assert.NotEmpty(author.Description ?? string.Empty);

        // Once: an administrator who later gives Authors PreviewContent again keeps it across starts.
        await using (var scope = site.TenantScope(name))
        {
            await scope.ServiceProvider.GetRequiredService<RoleStore>().SaveAsync(DefaultRoles.Author, null, DefaultRoleHistory.Earlier[1][DefaultRoles.Author]);
        }

        await site.Service<AdministratorBootstrap>().EnsureAsync();
        Assert.Contains("PreviewContent", (await RoleAsync(name, DefaultRoles.Author)).Permissions);
    }

    [Fact]
    public async Task A_site_set_up_today_is_recorded_as_current_and_has_todays_lists()
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null);
        admin.Dispose();
        await using var scope = site.TenantScope(name);
        var stored = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<RoleDefaultsDocument>(DefaultRolesUpgrade.DocumentName);
        Assert.Equal(DefaultRoleHistory.Current, stored?.Version);
        Assert.Equal(Stereotype(DefaultRoles.Author), (await RoleAsync(name, DefaultRoles.Author)).Permissions);
    }

    private static IEnumerable<string> Stereotype(string role) =>
        DefaultRoles.All.Single(r => r.Name == role).Permissions.Order(StringComparer.Ordinal);

    private async Task<RoleSummary> RoleAsync(string tenant, string role)
    {
        await using var scope = site.TenantScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<RoleStore>().ListAsync()).Single(r => r.Name == role);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDefaultRolesUpgradeTests(SqliteSite site) : DefaultRolesUpgradeTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDefaultRolesUpgradeTests(PostgresSite site) : DefaultRolesUpgradeTests(site);
