using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Consultations;

/// <summary>Absolute links into the current tenant's admin for mails written outside a request (the inbox, a request, the take link). Scoped.</summary>
public sealed class ConsultationLinks(CurrentTenant tenant, TakeLinks takeLinks, IOptions<ConsultationOptions> options)
{
    public string Inbox() => Absolute("/admin/inbox");

    public string Request(string reference) => Absolute("/admin/inbox/" + Uri.EscapeDataString(reference));

    public string Take(string reference, string coordinatorId) => Absolute(takeLinks.PathFor(reference, coordinatorId));

    private string Absolute(string path)
    {
        var settings = tenant.Settings;
        if (settings.RequestUrlHosts.Count > 0)
        {
            return "https://" + settings.RequestUrlHosts[0] + path;
        }

        var prefix = string.IsNullOrEmpty(settings.RequestUrlPrefix) ? string.Empty : "/" + settings.RequestUrlPrefix;
        return options.Value.PublicBaseUrl.TrimEnd('/') + prefix + path;
    }
}
