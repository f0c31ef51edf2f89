using MedTour.Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Users;

/// <summary>
/// Identity's EF user store, with its user tokens (authenticator key, recovery codes) read tracked: the tenant's
/// context does not track queries by default, and Identity changes a token by setting its value on the entity it read,
/// so without this a used recovery code or a new authenticator key would never be saved. Scoped.
/// </summary>
public sealed class TrackingUserStore(CmsDbContext db, IdentityErrorDescriber? describer = null)
    : UserStore<IdentityUser, IdentityRole, CmsDbContext>(db, describer)
{
    protected override Task<IdentityUserToken<string>?> FindTokenAsync(IdentityUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Context.UserTokens.AsTracking().SingleOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
    }
}
