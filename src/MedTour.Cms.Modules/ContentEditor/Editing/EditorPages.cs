using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.ContentEditor.Pages;
using MedTour.Cms.Modules.PublishLater;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>Builds the editor page's model (inputs, choices, permissions) and renders it. Scoped.</summary>
public sealed class EditorPages(AdminRequest admin, EditorSchema schema, EditorReferences references, RouteIndex routes, ContentDefinitionManager definitions, ContentDrafts drafts)
{
    /// <summary>The inputs of a type as this user may edit them: the schedule only for those who may publish.</summary>
    public async Task<List<EditorField>> FieldsAsync(ContentTypeDefinition type, EditorPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(permissions);
        var fields = schema.FieldsOf(type, await definitions.GetAsync());
        if (!permissions.Publish)
        {
            fields.RemoveAll(f => f.PartName == PublishLaterPartHandler.Part);
        }

        return fields;
    }

    public async Task<IResult> RenderAsync(ContentTypeDefinition type, ContentItem? item, List<EditorField> fields, EditorPermissions permissions,
        string? stamp, FormErrors? errors = null, int statusCode = StatusCodes.Status200OK, Action<EditorModel>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(permissions);
        await references.DescribeAsync(fields);
        foreach (var culture in fields.Where(f => f.Kind == EditorKind.Select && f.Key == "Culture"))
        {
            culture.Choices = [.. admin.Tenant.Cultures.Select(c => (c, LanguageName(c)))];
            culture.Value = culture.Value.Length > 0 ? culture.Value : admin.Tenant.DefaultCulture;
        }

        var hasPublished = item is not null && (item.Published || await drafts.HasPublishedAsync(item.ContentItemId));
        var model = new EditorModel
        {
            Type = type,
            Item = item,
            Fields = fields,
            Stamp = stamp,
            CanPublish = permissions.Publish,
            CanDelete = permissions.Delete,
            CanPreview = permissions.Preview,
            CanClone = permissions.Create && item is not null,
            HasPublished = hasPublished,
            PublishedPath = hasPublished ? (await routes.PublishedPathsAsync([item!.ContentItemId])).GetValueOrDefault(item.ContentItemId) : null,
        };
        configure?.Invoke(model);
        return AdminResults.Page<EditorPage>(new Dictionary<string, object?> { ["Model"] = model, ["Errors"] = errors }, statusCode);
    }

    private static string LanguageName(string culture)
    {
        try
        {
            var info = System.Globalization.CultureInfo.GetCultureInfo(culture);
            return $"{info.NativeName} ({culture})";
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return culture;
        }
    }
}
