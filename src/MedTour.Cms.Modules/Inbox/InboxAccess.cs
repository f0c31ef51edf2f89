using System.Security.Claims;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Identity;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>Makes the <see cref="InboxViewer"/> of a signed-in user: their permission to see all, and their coordinator item. Scoped.</summary>
public sealed class InboxAccess(UserPermissions permissions, UserManager<IdentityUser> users, CoordinatorDirectory coordinators)
{
    private InboxViewer? _viewer;

    public async Task<InboxViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_viewer is null)
        {
            var seesAll = await permissions.HasAsync(user, AdminPermissions.ViewAllConsultations, cancellationToken);
            var account = await users.GetUserAsync(user);
            // Only administrators set users' e-mails (users cannot change their own), so the address is a safe key.
            var coordinator = await coordinators.FindByEmailAsync(account?.Email, cancellationToken);
            _viewer = new InboxViewer(user.Identity?.Name ?? string.Empty, seesAll, coordinator);
        }

        return _viewer;
    }
}
