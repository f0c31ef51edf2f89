using System.Net;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Admin;

/// <summary>
/// Who may call what: every admin endpoint of the route table × anonymous and the six roles × the status expected.
/// An endpoint mapped under <c>/admin</c> that the table lacks fails the test with its route, so a new admin area
/// cannot ship without saying who may use it. Requests go to the <c>ukraine</c> site; posts carry a valid antiforgery
/// token and an empty or harmless form (the allowed answer is then the field's 400, or a 404 for a missing item).
/// </summary>
public abstract class PermissionMatrixTests(SiteFixture site)
{
    private const string Anonymous = "(anonymous)";
    private const int Ok = StatusCodes.Status200OK;
    private const int Redirect = StatusCodes.Status302Found;
    private const int BadRequest = StatusCodes.Status400BadRequest;
    private const int NotFound = StatusCodes.Status404NotFound;

    private static readonly string[] Roles =
    [
        DefaultRoles.Administrator, DefaultRoles.Editor, DefaultRoles.MedicalEditor, DefaultRoles.Author, DefaultRoles.Coordinator, DefaultRoles.RegionalLead,
    ];

    private static readonly string[] AllRoles = Roles;
    private static readonly string[] Administrators = [DefaultRoles.Administrator];

    /// <summary>Method, route pattern, the path requested, the roles let in, and their status (the others get 403, anonymous the sign-in page).</summary>
    private static readonly MatrixRow[] Table =
    [
        new("GET", "/admin", "/admin", AllRoles, Ok),
        new("POST", "/admin/culture", "/admin/culture", AllRoles, BadRequest),

        new("GET", "/admin/users", "/admin/users", Administrators, Ok),
        new("GET", "/admin/users/invite", "/admin/users/invite", Administrators, Ok),
        new("POST", "/admin/users/invite", "/admin/users/invite", Administrators, BadRequest),
        new("GET", "/admin/users/{id}", "/admin/users/no-such-user", Administrators, NotFound),
        new("POST", "/admin/users/{id}/roles", "/admin/users/no-such-user/roles", Administrators, NotFound),
        new("POST", "/admin/users/{id}/disable", "/admin/users/no-such-user/disable", Administrators, NotFound),
        new("POST", "/admin/users/{id}/enable", "/admin/users/no-such-user/enable", Administrators, NotFound),
        new("POST", "/admin/users/{id}/reset-password", "/admin/users/no-such-user/reset-password", Administrators, NotFound),

        new("GET", "/admin/roles", "/admin/roles", Administrators, Ok),
        new("GET", "/admin/roles/new", "/admin/roles/new", Administrators, Ok),
        new("POST", "/admin/roles/new", "/admin/roles/new", Administrators, BadRequest),
        new("GET", "/admin/roles/{name}", "/admin/roles/NoSuchRole", Administrators, NotFound),
        new("POST", "/admin/roles/{name}", "/admin/roles/NoSuchRole", Administrators, NotFound),
        new("POST", "/admin/roles/{name}/delete", "/admin/roles/NoSuchRole/delete", Administrators, NotFound),

        // One's own authenticator: every admin user.
        new("GET", "/admin/two-factor", "/admin/two-factor", AllRoles, Ok),
        new("POST", "/admin/two-factor/enable", "/admin/two-factor/enable", AllRoles, BadRequest),
        new("POST", "/admin/two-factor/recovery-codes", "/admin/two-factor/recovery-codes", AllRoles, BadRequest),
        new("POST", "/admin/two-factor/disable", "/admin/two-factor/disable", AllRoles, Redirect),
    ];

    [Fact]
    public void Every_admin_endpoint_of_the_route_table_is_in_the_matrix()
    {
        var inTable = Table.Select(r => $"{r.Method} {r.Pattern}").ToHashSet(StringComparer.Ordinal);
        var routes = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "/admin" || raw.StartsWith("/admin/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToList();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !inTable.Contains(r)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Admin endpoints missing from PermissionMatrixTests.Table:\n" + string.Join('\n', missing));
        var stale = inTable.Except(routes).ToList();
        Assert.True(stale.Count == 0, "Rows of PermissionMatrixTests.Table with no such endpoint:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Anonymous_and_each_role_get_the_status_the_matrix_says_on_every_admin_endpoint()
    {
        var sessions = new Dictionary<string, AdminSession>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            sessions[role] = await site.SignInAsNewUserAsync("ukraine", role);
        }

        using var anonymous = site.ClientFrom("10.3.0.1");
        var failures = new List<string>();
        try
        {
            foreach (var row in Table)
            {
                using (var response = row.Method == "GET"
                    ? await anonymous.GetAsync(new Uri("/ua" + row.Path, UriKind.Relative))
                    : await anonymous.PostAsync(new Uri("/ua" + row.Path, UriKind.Relative), new FormUrlEncodedContent([])))
                {
                    if ((int)response.StatusCode != Redirect || response.Headers.Location?.AbsolutePath != "/ua/login")
                    {
                        failures.Add($"{Anonymous} {row.Method} {row.Path}: {(int)response.StatusCode} {response.Headers.Location}, expected 302 to /ua/login");
                    }
                }

                foreach (var role in Roles)
                {
                    var expected = row.Allowed.Contains(role) ? row.Status : StatusCodes.Status403Forbidden;
                    var session = sessions[role];
                    using var response = row.Method == "GET" ? await session.GetAsync(row.Path) : await session.PostFormAsync(row.Path, []);
                    if ((int)response.StatusCode != expected)
                    {
                        failures.Add($"{role} {row.Method} {row.Path}: {(int)response.StatusCode}, expected {expected}");
                    }
                }
            }
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record MatrixRow(string Method, string Pattern, string Path, string[] Allowed, int Status);
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePermissionMatrixTests(SqliteSite site) : PermissionMatrixTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPermissionMatrixTests(PostgresSite site) : PermissionMatrixTests(site);
