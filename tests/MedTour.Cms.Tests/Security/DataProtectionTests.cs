using System.Net;
using System.Security.Cryptography;
using MedTour.Cms.Security;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Security;

/// <summary>
/// Data Protection keys live with the site's data (App_Data on SQLite, a table on PostgreSQL), so a restarted host
/// still reads the cookies it issued; every tenant protects with a purpose of its own.
/// </summary>
public abstract class DataProtectionTests(SiteFixture site)
{
    [Fact]
    public async Task A_signed_in_session_survives_a_restart()
    {
        string cookie;
        using (var client = site.ClientFrom("192.0.2.80"))
        {
            var signedIn = await client.SignInAsync("/", "admin", CmsAppFactory.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            cookie = signedIn.SetCookie("medtour.auth")!.Split(';')[0];
        }

        await site.RestartAsync();

        await AssertKeysStoredAsync();
        using var after = site.ClientFrom("192.0.2.81", cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var admin = await after.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task What_one_tenant_protects_another_cannot_read()
    {
        var provider = site.Service<IDataProtectionProvider>();
        var protector = provider.CreateProtector("MedTour.Tests");

        var secret = await InTenantAsync("europe", () => protector.Protect("for europe only"));

        Assert.Equal("for europe only", await InTenantAsync("europe", () => protector.Unprotect(secret)));
        await Assert.ThrowsAsync<CryptographicException>(() => InTenantAsync("usa", () => protector.Unprotect(secret)));
        Assert.Throws<CryptographicException>(() => protector.Unprotect(secret));
    }

    protected abstract Task AssertKeysStoredAsync();

    protected string KeysFolder => Path.Combine(site.Factory.AppData, MedTourDataProtection.KeysFolder);

    /// <summary>Runs <paramref name="work"/> as a request of <paramref name="tenant"/> would.</summary>
    private async Task<T> InTenantAsync<T>(string tenant, Func<T> work)
    {
        await using var scope = site.TenantScope(tenant);
        var accessor = site.Service<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        try
        {
            return work();
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDataProtectionTests(SqliteSite site) : DataProtectionTests(site)
{
    protected override Task AssertKeysStoredAsync()
    {
        Assert.NotEmpty(Directory.GetFiles(KeysFolder, "key-*.xml"));
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDataProtectionTests(PostgresSite site) : DataProtectionTests(site)
{
    private readonly PostgresSite _site = site;

    protected override async Task AssertKeysStoredAsync()
    {
        await using var scope = _site.Factory.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>();
        Assert.NotEmpty(await keys.DataProtectionKeys.ToListAsync());
        Assert.Empty(await keys.Database.GetPendingMigrationsAsync());
        Assert.False(keys.Database.HasPendingModelChanges(), "The key table's model has changes that no migration describes.");
        Assert.False(Directory.Exists(KeysFolder) && Directory.EnumerateFiles(KeysFolder).Any(), "PostgreSQL hosts keep their keys in the database, not in App_Data.");
    }
}
