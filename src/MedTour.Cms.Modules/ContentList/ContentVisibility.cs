using System.Security.Claims;
using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.ContentList;

/// <summary>
/// Which items of which types a user may see in the list: every version of the types they may edit; their own
/// drafts and published items of the types they may edit only when theirs (an Author); published items of the
/// types they hold any other content permission on; nothing of the rest.
/// </summary>
public sealed record ContentVisibility(IReadOnlyList<string> AllOf, IReadOnlyList<string> OwnOf, IReadOnlyList<string> PublishedOf, IReadOnlyList<string> Owners)
{
    public bool SeesEverything(IReadOnlyCollection<string> types) => types.All(AllOf.Contains);

    public bool SeesAnything => AllOf.Count + OwnOf.Count + PublishedOf.Count > 0;

    public static async Task<ContentVisibility> ForAsync(ClaimsPrincipal user, IReadOnlyList<string> types, UserPermissions permissions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(permissions);
        List<string> all = [], own = [], published = [];
        foreach (var type in types)
        {
            if (await permissions.HasAsync(user, ContentPermissions.ForType(ContentVerb.Edit, type), cancellationToken))
            {
                all.Add(type);
            }
            else if (await permissions.HasAsync(user, ContentPermissions.ForType(ContentVerb.EditOwn, type), cancellationToken))
            {
                own.Add(type);
            }
            else if (await AnyAsync(user, type, permissions, cancellationToken))
            {
                published.Add(type);
            }
        }

        // Owner holds a user name or id (UserPermissions.CanAsync accepts either): match both.
        string?[] owners = [user.Identity?.Name, user.FindFirstValue(ClaimTypes.NameIdentifier)];
        return new ContentVisibility(all, own, published, [.. owners.OfType<string>()]);
    }

    private static async Task<bool> AnyAsync(ClaimsPrincipal user, string type, UserPermissions permissions, CancellationToken cancellationToken)
    {
        foreach (var verb in new[] { ContentVerb.Publish, ContentVerb.Delete, ContentVerb.Preview, ContentVerb.Create })
        {
            if (await permissions.HasAsync(user, ContentPermissions.ForType(verb, type), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
