using GraphQL.Types;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>The site's public settings: name, region, cultures and the phone lines the pages show. Never SMTP or inbox addresses.</summary>
public static class SiteSettingsGraphType
{
    public sealed record Source(string? SiteName, TenantSettings Tenant);

    public static ObjectGraphType Create(Scalars s)
    {
        var line = new ObjectGraphType { Name = "PhoneLine" };
        line.AddField(Gql.Field("label", s.String, c => ((PhoneLine)c.Source!).Label));
        line.AddField(Gql.Field("number", s.String, c => ((PhoneLine)c.Source!).Number));
        line.AddField(Gql.Field("dialable", s.String, c => ((PhoneLine)c.Source!).Dialable));

        var type = new ObjectGraphType { Name = "SiteSettings" };
        type.AddField(Gql.Field("siteName", s.String, c => ((Source)c.Source!).SiteName));
        type.AddField(Gql.Field("region", s.String, c => ((Source)c.Source!).Tenant.Region?.Name));
        type.AddField(Gql.Field("countryCode", s.String, c => ((Source)c.Source!).Tenant.Region?.CountryCode));
        type.AddField(Gql.Field("cultures", Gql.List(s.String), c => ((Source)c.Source!).Tenant.Cultures));
        type.AddField(Gql.Field("defaultCulture", s.String, c => ((Source)c.Source!).Tenant.DefaultCulture));
        type.AddField(Gql.Field("phoneLines", Gql.List(line), c => ((Source)c.Source!).Tenant.Region?.PhoneLines ?? []));
        return type;
    }
}
