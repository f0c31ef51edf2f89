using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.Versions.Regions;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Versions;

internal static class TranslateEndpoints
{
    /// <summary>The item's localization set (each member with its status) and the cultures it may still be translated into.</summary>
    public static async Task<IResult> ShowAsync(string id, AdminRequest admin, ContentManager content, ContentHistory history, ContentTranslator translator,
        RegionalTranslations regions)
    {
        var (item, denied) = await ItemAccess.FindAsync(id, ContentVerb.Preview, admin, content, history);
        return denied ?? await PageAsync(item!, admin, translator, regions, null, null, StatusCodes.Status200OK);
    }

    /// <summary>Creates the draft counterpart and opens it in the editor.</summary>
    public static async Task<IResult> CreateAsync(string id, HttpContext http, AdminRequest admin, ContentManager content, ContentHistory history, ContentTranslator translator,
        RegionalTranslations regions)
    {
        var (item, denied) = await ItemAccess.FindAsync(id, ContentVerb.Preview, admin, content, history);
        if (denied is not null)
        {
            return denied;
        }

        if (!await admin.CanAsync(ContentVerb.Create, item!.ContentType, null))
        {
            return AdminResults.Page<ForbiddenPage>(statusCode: StatusCodes.Status403Forbidden);
        }

        var culture = (await http.Request.ReadFormAsync())["culture"].ToString().Trim();
        var errors = new FormErrors();
        var members = ContentTranslator.SetOf(item) is { } set ? await translator.MembersAsync(set) : [];
        if (!item.Latest)
        {
            errors.Add("culture", admin.T("Culture: a deleted item cannot be translated."));
        }
        else if (ContentTranslator.SetOf(item) is null)
        {
            errors.Add("culture", admin.T("Culture: items of this type have no localization set."));
        }
        else if (culture.Length == 0 || !admin.Tenant.Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("culture", admin.T("Culture: choose one of this site's cultures ({0}).", string.Join(", ", admin.Tenant.Cultures)));
        }
        else if (members.Any(m => string.Equals(m.Culture, culture, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("culture", admin.T("Culture: the item already has a translation in '{0}'.", culture));
        }

        if (!errors.Any)
        {
            try
            {
                var copy = await translator.TranslateAsync(item, culture.ToLowerInvariant(), admin.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? admin.UserName);
                return AdminResults.RedirectWithFlash(admin, $"/admin/content/{copy.ContentItemId}/edit", admin.T("A draft in '{0}' was made from the source; translate it here.", culture));
            }
            catch (ContentValidationException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add("culture", $"{error.Field}: {error.Message}");
                }
            }
        }

        return await PageAsync(item, admin, translator, regions, errors, culture, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PageAsync(ContentItem item, AdminRequest admin, ContentTranslator translator, RegionalTranslations regions,
        FormErrors? errors, string? culture, int status)
    {
        var members = ContentTranslator.SetOf(item) is { } set ? await translator.MembersAsync(set) : [];
        var others = item.Latest ? await regions.ListAsync(item, admin.User) : [];
        return AdminResults.Page<TranslatePage>(new Dictionary<string, object?>
        {
            ["Item"] = item,
            ["Members"] = members,
            ["Missing"] = translator.MissingCultures(members),
            ["Errors"] = errors,
            ["Culture"] = culture,
            ["Regions"] = others,
        }, status);
    }
}
