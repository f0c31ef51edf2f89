using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.ContentEditor;

/// <summary>What the editor's scripts ask while one types: picker search, the Markdown preview and the generated path.</summary>
internal static class EditorApiEndpoints
{
    private const int PickerResults = 20;

    /// <summary>A picked item as the picker shows it.</summary>
    public sealed record PickerItem(string Id, string Title, string Type, bool Published);

    /// <summary>
    /// Items of the given types whose title contains <paramref name="q"/>. Everyone with the admin sees published titles;
    /// a draft's title only reaches those who may preview or edit it (a coordinator never sees what an author drafts).
    /// </summary>
    public static async Task<IResult> SearchAsync(string? q, string? types, CmsDbContext db, ContentDefinitionManager definitions, AdminRequest admin)
    {
        var definition = await definitions.GetAsync();
        var wanted = (types ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => definition.FindType(t) is not null).ToList();
        if (wanted.Count == 0)
        {
            wanted = [.. definition.ContentTypeDefinitionRecords.Select(t => t.Name)];
        }

        var text = (q ?? string.Empty).Trim();
        var lower = text.ToLowerInvariant();
        // ToLower() becomes SQL lower() on both sides (EF has no culture overload); SQLite lowers ASCII only, so the
        // title as typed is matched too.
#pragma warning disable CA1304, CA1311, CA1862
        var rows = await db.ContentItems.AsNoTracking()
            .Where(x => wanted.Contains(x.ContentType) && (x.Published || x.Latest))
            .Where(x => text.Length == 0 || x.DisplayText.Contains(text) || x.DisplayText.ToLower().Contains(lower) || x.ContentItemId == text)
            .OrderBy(x => x.DisplayText)
            .Select(x => new { x.ContentItemId, x.DisplayText, x.ContentType, x.Published, x.Latest, x.Owner })
            .Take(PickerResults * 4)
            .ToListAsync();
#pragma warning restore CA1304, CA1311, CA1862

        var seesDrafts = new Dictionary<(string Type, string? Owner), bool>();
        var results = new List<PickerItem>();
        foreach (var group in rows.GroupBy(r => r.ContentItemId))
        {
            var draft = group.FirstOrDefault(r => r.Latest && !r.Published);
            var published = group.FirstOrDefault(r => r.Published);
            if (draft is not null)
            {
                var key = (draft.ContentType, draft.Owner);
                if (!seesDrafts.TryGetValue(key, out var may))
                {
                    may = await admin.CanAsync(ContentVerb.Preview, draft.ContentType, draft.Owner) || await admin.CanAsync(ContentVerb.Edit, draft.ContentType, draft.Owner);
                    seesDrafts[key] = may;
                }

                if (may)
                {
                    results.Add(new PickerItem(draft.ContentItemId, draft.DisplayText, draft.ContentType, false));
                    continue;
                }
            }

            if (published is not null)
            {
                results.Add(new PickerItem(published.ContentItemId, published.DisplayText, published.ContentType, true));
            }
        }

        return Results.Json(results.Take(PickerResults));
    }

    /// <summary>The Markdown rendered and sanitized exactly as the public page renders it.</summary>
    public static async Task<IResult> MarkdownPreviewAsync(HttpContext http, MarkdownRenderer markdown)
    {
        var form = await http.Request.ReadFormAsync();
        return Results.Content(markdown.ToHtml(form["markdown"].ToString()), "text/html; charset=utf-8");
    }

    /// <summary>The path the type's pattern makes of a title (made unique among this culture's paths), as a save would.</summary>
    public static async Task<IResult> PathPreviewAsync(string type, string? title, string? culture, string? id, ContentDefinitionManager definitions,
        IEnumerable<IContentPartHandler> handlers)
    {
        var definition = await definitions.FindTypeAsync(type);
        var typePart = definition?.FindPart("AutoroutePart");
        var handler = handlers.FirstOrDefault(h => h.PartName == "AutoroutePart");
        if (typePart is null || handler is null)
        {
            return Results.NotFound();
        }

        var item = new ContentItem { ContentType = type, ContentItemId = string.IsNullOrEmpty(id) ? ContentIds.New() : id, DisplayText = title?.Trim() ?? string.Empty };
        item.Part("TitlePart")["Title"] = item.DisplayText;
        item.Part("LocalizationPart")["Culture"] = culture ?? string.Empty;
        var errors = new List<ContentValidationError>();
        await handler.UpdatingAsync(new PartUpdateContext(item, typePart, errors));
        return Results.Json(new { path = item.FindPart(typePart.Name)?["Path"].AsText() ?? string.Empty });
    }
}
