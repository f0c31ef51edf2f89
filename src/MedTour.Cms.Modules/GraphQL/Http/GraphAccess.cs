using MedTour.Cms.Modules.Graph.Query;
using MedTour.Cms.Modules.Graph.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Graph;

/// <summary>Who may read: an API token of this tenant (<c>Authorization: Bearer …</c>), else anonymous where the tenant allows it.</summary>
public static class GraphAccess
{
    public static async Task<ReadScope> ScopeAsync(HttpContext http, GraphQLTenantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        var header = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
        {
            return settings.AnonymousRead
                ? ReadScope.Published
                : throw new GraphRequestException(StatusCodes.Status401Unauthorized, "This site's GraphQL API needs an API token (Authorization: Bearer …).", "UNAUTHENTICATED");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphRequestException(StatusCodes.Status401Unauthorized, "Authorization: expected 'Bearer <API token>'.", "UNAUTHENTICATED");
        }

        var token = await http.RequestServices.GetRequiredService<ApiTokenStore>().CheckAsync(header["Bearer ".Length..].Trim());
        if (token is null)
        {
            throw new GraphRequestException(StatusCodes.Status401Unauthorized, "The API token is unknown, expired or revoked.", "UNAUTHENTICATED");
        }

        return token.Scopes.Contains(ApiTokenScopes.ReadDrafts) ? ReadScope.Drafts
            : token.Scopes.Contains(ApiTokenScopes.ReadPublished) ? ReadScope.Published
            : throw new GraphRequestException(StatusCodes.Status403Forbidden, "The API token has no read scope.", "FORBIDDEN");
    }
}
