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

    // The content areas need some content permission (the Coordinator and the Regional lead hold none); each item's verb
    // is checked by the endpoint. An Author creates Articles and manages media; the audit trail is the Editor's too.
    private static readonly string[] ContentRoles = [DefaultRoles.Administrator, DefaultRoles.Editor, DefaultRoles.MedicalEditor, DefaultRoles.Author];
    private static readonly string[] MediaRoles = ContentRoles;
    private static readonly string[] AuditRoles = [DefaultRoles.Administrator, DefaultRoles.Editor];
    private static readonly string[] RoutingRoles = [DefaultRoles.Administrator, DefaultRoles.RegionalLead];
    private static readonly string[] InboxRoles = [DefaultRoles.Administrator, DefaultRoles.Coordinator, DefaultRoles.RegionalLead];
    private static readonly string[] InboxLeads = [DefaultRoles.Administrator, DefaultRoles.RegionalLead];

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

        new("GET", "/admin/content", "/admin/content", ContentRoles, Ok),
        new("POST", "/admin/content/bulk", "/admin/content/bulk", ContentRoles, BadRequest),
        new("POST", "/admin/content/bulk/run", "/admin/content/bulk/run", ContentRoles, BadRequest),
        new("GET", "/admin/content/picker", "/admin/content/picker?q=x", ContentRoles, Ok),
        new("POST", "/admin/content/markdown-preview", "/admin/content/markdown-preview", ContentRoles, Ok),
        new("GET", "/admin/content/{type}/path-preview", "/admin/content/Article/path-preview", ContentRoles, Ok),
        new("GET", "/admin/content/{type}/create", "/admin/content/Article/create", ContentRoles, Ok),
        new("POST", "/admin/content/{type}/create", "/admin/content/Article/create", ContentRoles, BadRequest),
        new("GET", "/admin/content/{id}/edit", "/admin/content/no-such-item/edit", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/edit", "/admin/content/no-such-item/edit", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/unpublish", "/admin/content/no-such-item/unpublish", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/discard", "/admin/content/no-such-item/discard", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/clone", "/admin/content/no-such-item/clone", ContentRoles, NotFound),
        new("GET", "/admin/content/{id}/delete", "/admin/content/no-such-item/delete", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/delete", "/admin/content/no-such-item/delete", ContentRoles, NotFound),
        new("GET", "/admin/content/{id}/preview", "/admin/content/no-such-item/preview", ContentRoles, NotFound),
        new("GET", "/admin/content/{id}/versions", "/admin/content/no-such-item/versions", ContentRoles, NotFound),
        new("GET", "/admin/content/{id}/versions/diff", "/admin/content/no-such-item/versions/diff", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/versions/restore", "/admin/content/no-such-item/versions/restore", ContentRoles, NotFound),
        new("GET", "/admin/content/{id}/translate", "/admin/content/no-such-item/translate", ContentRoles, NotFound),
        new("POST", "/admin/content/{id}/translate", "/admin/content/no-such-item/translate", ContentRoles, NotFound),

        new("GET", "/admin/media", "/admin/media", MediaRoles, Ok),
        new("POST", "/admin/media/upload", "/admin/media/upload", MediaRoles, BadRequest),
        new("POST", "/admin/media/folders", "/admin/media/folders", MediaRoles, BadRequest),
        new("POST", "/admin/media/folders/delete", "/admin/media/folders/delete", MediaRoles, BadRequest),
        // A missing file is the "path" field's error on the library page (400), not a bare 404.
        new("GET", "/admin/media/file", "/admin/media/file?path=no-such-file.png", MediaRoles, BadRequest),
        new("POST", "/admin/media/file/texts", "/admin/media/file/texts", MediaRoles, BadRequest),
        new("POST", "/admin/media/file/delete", "/admin/media/file/delete", MediaRoles, BadRequest),

        new("GET", "/admin/audit-trail", "/admin/audit-trail", AuditRoles, Ok),

        // The inbox: every consultation role; each sees only what InboxAccess allows (a missing request is a 404,
        // a bad "I'll take it" token the t field's 400). Reassigning needs ViewAllConsultations.
        new("GET", "/admin/inbox", "/admin/inbox", InboxRoles, Ok),
        new("GET", "/admin/inbox/take", "/admin/inbox/take?t=forged", InboxRoles, BadRequest),
        new("GET", "/admin/inbox/{reference}", "/admin/inbox/UA-NONE-00", InboxRoles, NotFound),
        new("GET", "/admin/inbox/{reference}/files/{id:long}", "/admin/inbox/UA-NONE-00/files/1", InboxRoles, NotFound),
        new("POST", "/admin/inbox/{reference}/status", "/admin/inbox/UA-NONE-00/status", InboxRoles, NotFound),
        new("POST", "/admin/inbox/{reference}/notes", "/admin/inbox/UA-NONE-00/notes", InboxRoles, NotFound),
        new("POST", "/admin/inbox/{reference}/acknowledge", "/admin/inbox/UA-NONE-00/acknowledge", InboxRoles, NotFound),
        new("POST", "/admin/inbox/{reference}/assign", "/admin/inbox/UA-NONE-00/assign", InboxLeads, NotFound),
        // One patient's data (find, export, erase) and the retention period: ManagePatientData, Administrators only.
        new("GET", "/admin/patients", "/admin/patients", Administrators, Ok),
        new("POST", "/admin/patients/find", "/admin/patients/find", Administrators, BadRequest),
        new("POST", "/admin/patients/export", "/admin/patients/export", Administrators, BadRequest),
        new("POST", "/admin/patients/erase", "/admin/patients/erase", Administrators, BadRequest),
        new("POST", "/admin/patients/retention", "/admin/patients/retention", Administrators, BadRequest),

        new("GET", "/admin/definitions", "/admin/definitions", Administrators, Ok),
        new("POST", "/admin/definitions", "/admin/definitions", Administrators, BadRequest),
        new("GET", "/admin/definitions/{type}", "/admin/definitions/NoSuchType", Administrators, NotFound),
        new("POST", "/admin/definitions/{type}", "/admin/definitions/NoSuchType", Administrators, NotFound),
        new("POST", "/admin/definitions/{type}/remove", "/admin/definitions/NoSuchType/remove", Administrators, NotFound),
        new("POST", "/admin/definitions/{type}/fields", "/admin/definitions/NoSuchType/fields", Administrators, NotFound),
        new("GET", "/admin/definitions/{type}/fields/{field}", "/admin/definitions/NoSuchType/fields/NoSuchField", Administrators, NotFound),
        new("POST", "/admin/definitions/{type}/fields/{field}", "/admin/definitions/NoSuchType/fields/NoSuchField", Administrators, NotFound),
        new("POST", "/admin/definitions/{type}/fields/{field}/remove", "/admin/definitions/NoSuchType/fields/NoSuchField/remove", Administrators, NotFound),

        new("GET", "/admin/templates", "/admin/templates", Administrators, Ok),
        // Any well-formed view name opens its editor (a new override starts empty); a malformed one is 404.
        new("GET", "/admin/templates/edit", "/admin/templates/edit?name=NoSuchView", Administrators, Ok),
        new("POST", "/admin/templates/edit", "/admin/templates/edit", Administrators, BadRequest),
        new("POST", "/admin/templates/revert", "/admin/templates/revert", Administrators, NotFound),
        new("POST", "/admin/templates/remove", "/admin/templates/remove", Administrators, NotFound),

        new("GET", "/admin/settings", "/admin/settings", Administrators, Ok),
        new("POST", "/admin/settings", "/admin/settings", Administrators, BadRequest),

        // The routing ladder and SLA: the regional lead's (ManageConsultationRouting) and the administrators'.
        new("GET", "/admin/consultations/routing", "/admin/consultations/routing", RoutingRoles, Ok),
        new("POST", "/admin/consultations/routing", "/admin/consultations/routing", RoutingRoles, BadRequest),
        // Search indexes (ManageSearch, the Administrator's): the rebuild runs in the background and redirects.
        new("GET", "/admin/search", "/admin/search", Administrators, Ok),
        new("GET", "/admin/search/status", "/admin/search/status", Administrators, Ok),
        new("POST", "/admin/search/rebuild", "/admin/search/rebuild", Administrators, Redirect),
        new("POST", "/admin/search/query", "/admin/search/query", Administrators, BadRequest),

        new("GET", "/admin/import", "/admin/import", Administrators, Ok),
        new("POST", "/admin/import", "/admin/import", Administrators, BadRequest),
        new("GET", "/admin/export", "/admin/export", Administrators, Ok),
        new("POST", "/admin/export", "/admin/export", Administrators, BadRequest),

        new("GET", "/admin/api-tokens", "/admin/api-tokens", Administrators, Ok),
        new("POST", "/admin/api-tokens", "/admin/api-tokens", Administrators, BadRequest),
        new("POST", "/admin/api-tokens/{id:long}/revoke", "/admin/api-tokens/999999/revoke", Administrators, NotFound),
        new("GET", "/admin/graphql", "/admin/graphql", Administrators, Ok),

        // Tenants are managed from the Default tenant only: on ukraine an Administrator (who holds ManageTenants) gets
        // DefaultTenantOnlyFilter's 404, the others the permission's 403 before it.
        new("GET", "/admin/tenants", "/admin/tenants", Administrators, NotFound),
        new("GET", "/admin/tenants/create", "/admin/tenants/create", Administrators, NotFound),
        new("POST", "/admin/tenants/create", "/admin/tenants/create", Administrators, NotFound),
        new("POST", "/admin/tenants/{name}/setup", "/admin/tenants/europe/setup", Administrators, NotFound),
        new("POST", "/admin/tenants/{name}/disable", "/admin/tenants/europe/disable", Administrators, NotFound),
        new("POST", "/admin/tenants/{name}/enable", "/admin/tenants/europe/enable", Administrators, NotFound),
        new("GET", "/admin/tenants/{name}/remove", "/admin/tenants/europe/remove", Administrators, NotFound),
        new("POST", "/admin/tenants/{name}/remove", "/admin/tenants/europe/remove", Administrators, NotFound),

        new("GET", "/admin/workflows", "/admin/workflows", Administrators, Ok),
        new("GET", "/admin/workflows/new", "/admin/workflows/new", Administrators, Ok),
        new("POST", "/admin/workflows/new", "/admin/workflows/new", Administrators, BadRequest),
        new("GET", "/admin/workflows/types/{id}", "/admin/workflows/types/no-such-type", Administrators, NotFound),
        new("POST", "/admin/workflows/types/{id}", "/admin/workflows/types/no-such-type", Administrators, NotFound),
        new("POST", "/admin/workflows/types/{id}/enable", "/admin/workflows/types/no-such-type/enable", Administrators, NotFound),
        new("POST", "/admin/workflows/types/{id}/disable", "/admin/workflows/types/no-such-type/disable", Administrators, NotFound),
        new("GET", "/admin/workflows/instances", "/admin/workflows/instances", Administrators, Ok),
        new("GET", "/admin/workflows/instances/{id:long}", "/admin/workflows/instances/999999", Administrators, NotFound),
        new("POST", "/admin/workflows/instances/{id:long}/retry", "/admin/workflows/instances/999999/retry", Administrators, NotFound),

        // An empty settings form lacks the port (400); the pickup folder is listed outside Production (tests run as Testing).
        new("GET", "/admin/mail", "/admin/mail", Administrators, Ok),
        new("POST", "/admin/mail", "/admin/mail", Administrators, BadRequest),
        new("POST", "/admin/mail/test", "/admin/mail/test", Administrators, BadRequest),
        new("POST", "/admin/mail/dead-letters/{id:long}/retry", "/admin/mail/dead-letters/999999/retry", Administrators, NotFound),
        new("GET", "/admin/mail/pickup", "/admin/mail/pickup", Administrators, Ok),
        new("GET", "/admin/mail/pickup/{name}", "/admin/mail/pickup/no-such-file.eml", Administrators, NotFound),
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
