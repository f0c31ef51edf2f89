using System.Globalization;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules.Graph.Tokens;

/// <summary><c>/admin/api-tokens</c>: list, create (the secret is shown once), revoke.</summary>
public static class ApiTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tokens = endpoints.MapAdminArea("/api-tokens", GraphQLPermissions.ManageApiTokens);
        tokens.MapGet("", async (ApiTokenStore store) => AdminResults.Page<ApiTokensPage>(new Dictionary<string, object?> { ["Tokens"] = await store.ListAsync() }));
        tokens.MapPost("", CreateAsync);
        tokens.MapPost("/{id:long}/revoke", async (long id, ApiTokenStore store, AdminRequest admin) =>
            await store.RevokeAsync(id)
                ? AdminResults.RedirectWithFlash(admin, "/admin/api-tokens", admin.T("The token was revoked."))
                : Results.NotFound());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiTokenStore store, AdminRequest admin, TimeProvider clock)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString().Trim();
        var scope = form["scope"].ToString();
        var expires = form["expires"].ToString().Trim();
        var errors = new FormErrors();
        if (name.Length is 0 or > 128)
        {
            errors.Add("name", admin.T("Give the token a name of at most 128 characters."));
        }

        if (!ApiTokenScopes.All.Contains(scope))
        {
            errors.Add("scope", admin.T("Choose what the token may read."));
        }

        DateTime? expiresUtc = null;
        if (expires.Length > 0)
        {
            if (DateTime.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                && date > clock.GetUtcNow().UtcDateTime)
            {
                expiresUtc = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            }
            else
            {
                errors.Add("expires", admin.T("Enter a date in the future (YYYY-MM-DD), or leave it empty."));
            }
        }

        if (errors.Any)
        {
            return AdminResults.Page<ApiTokensPage>(new Dictionary<string, object?>
            {
                ["Tokens"] = await store.ListAsync(), ["Errors"] = errors, ["Name"] = name, ["Scope"] = scope, ["Expires"] = expires,
            }, StatusCodes.Status400BadRequest);
        }

        // Read and drafts: a drafts token reads published content too.
        string[] scopes = scope == ApiTokenScopes.ReadDrafts ? [ApiTokenScopes.ReadPublished, ApiTokenScopes.ReadDrafts] : [ApiTokenScopes.ReadPublished];
        var created = await store.CreateAsync(name, scopes, expiresUtc, admin.UserName);
        return AdminResults.Page<ApiTokensPage>(new Dictionary<string, object?> { ["Tokens"] = await store.ListAsync(), ["Secret"] = created.Secret });
    }
}
