using MedTour.Cms.Modules.Admin;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MailAdmin;

/// <summary>The pickup folder's list and its files as downloads (404 in Production: see <see cref="MailPickup"/>).</summary>
internal static class MailPickupEndpoints
{
    public static IResult List(MailPickup pickup) =>
        pickup.IsAvailable ? AdminResults.Page<MailPickupPage>() : Results.NotFound();

    public static IResult Download(string name, MailPickup pickup) =>
        pickup.IsAvailable && pickup.Find(name) is { } path
            ? Results.File(path, "message/rfc822", name)
            : Results.NotFound();
}
