using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.TwoFactor;

/// <summary>
/// With <c>MedTour:Admin:RequireTwoFactor</c> on, an Administrator who has not set up an authenticator reaches only the
/// page that sets it up; every other admin page redirects there. Off by default: then it costs nothing. Scoped.
/// </summary>
public sealed class TwoFactorGate(IOptions<AdminOptions> options, UserPermissions permissions, CmsDbContext db) : IAdminGate
{
    public async ValueTask<IResult?> CheckAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!options.Value.RequireTwoFactor || http.Request.Path.StartsWithSegments(TwoFactorModule.PagePath, StringComparison.OrdinalIgnoreCase)
            || !(await permissions.RolesAsync(http.User)).Contains(DefaultRoles.Administrator))
        {
            return null;
        }

        var id = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var enabled = await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(http.RequestAborted);
        return enabled ? null : Results.Redirect(http.Request.PathBase + TwoFactorModule.PagePath);
    }
}
