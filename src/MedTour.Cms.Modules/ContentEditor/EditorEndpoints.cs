using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.ContentEditor.Editing;
using MedTour.Cms.Modules.ContentEditor.Pages;
using MedTour.Cms.Modules.PublishLater;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentEditor;

/// <summary>
/// Create and edit: the form generated from the type, and its post (save draft, publish, schedule). A post that fails
/// validation shows the form again with status 400 and everything typed; a save over a version someone else saved in
/// the meantime shows both (409). Permissions are per type and, for edit, own vs all.
/// </summary>
internal static class EditorEndpoints
{
    /// <summary>The empty form, or (<c>?from=tenant/id&amp;culture=</c>) one prefilled from another region's item.</summary>
    public static async Task<IResult> CreateFormAsync(string type, string? from, string? culture, ContentDefinitionManager definitions, AdminRequest admin, EditorPages pages,
        RegionSource regionSource)
    {
        if (await CreatableAsync(type, definitions) is not { } definition)
        {
            return NotFound();
        }

        var permissions = await EditorPermissions.ForAsync(admin, type, null);
        if (!permissions.Create)
        {
            return Forbidden();
        }

        var fields = await pages.FieldsAsync(definition, permissions);
        if (string.IsNullOrEmpty(from))
        {
            return await pages.RenderAsync(definition, null, fields, permissions, stamp: null);
        }

        var (source, denied) = await regionSource.FindAsync(from, type);
        if (denied is not null)
        {
            return denied;
        }

        var prefilled = await regionSource.PrefillAsync(source!, culture);
        EditorSchema.Load(fields, prefilled.Item);
        var notice = regionSource.Notice(source!, prefilled.NotCarried, fields);
        return await pages.RenderAsync(definition, null, fields, permissions, stamp: null, configure: model =>
        {
            model.TranslationFrom = from;
            model.TranslationNotice = notice;
        });
    }

    public static async Task<IResult> CreateAsync(string type, HttpContext http, ContentDefinitionManager definitions, AdminRequest admin, EditorPages pages,
        EditorBinder binder, EditorReferences references, ContentManager content, UnitOfWork unitOfWork, RegionSource regionSource)
    {
        if (await CreatableAsync(type, definitions) is not { } definition)
        {
            return NotFound();
        }

        var permissions = await EditorPermissions.ForAsync(admin, type, null);
        var form = await http.Request.ReadFormAsync();
        var action = form["submit.action"].ToString();
        if (!permissions.Create || (action is "publish" or "schedule" && !permissions.Publish))
        {
            return Forbidden();
        }

        var fields = await pages.FieldsAsync(definition, permissions);
        EditorBinder.Read(fields, form);
        var item = await content.NewAsync(type);
        item.Owner = admin.UserName;
        item.Author = admin.UserName;
        var errors = await WriteAsync(fields, item, action, binder, references, admin);
        var from = form[RegionSource.FormField].ToString();
        if (from.Length > 0)
        {
            // A counterpart of another region's item: the source is checked again, and gives its localization set.
            var (source, denied) = await regionSource.FindAsync(from, type);
            if (denied is not null)
            {
                return denied;
            }

            await regionSource.JoinSetAsync(source!, item, errors);
        }

        var picked = fields.ToDictionary(f => f, f => f.Values.ToList());
        if (!errors.Any)
        {
            try
            {
                await using var transaction = await unitOfWork.BeginAsync();
                unitOfWork.AfterRollback(() => Restore(picked));
                await references.CreateTermsAsync(fields, errors);
                binder.Write(fields, item, new FormErrors());
                if (!errors.Any)
                {
                    await content.CreateAsync(item, action == "publish" ? VersionOptions.Published : VersionOptions.Draft);
                    await transaction.CommitAsync();
                    return AdminResults.RedirectWithFlash(admin, $"/admin/content/{item.ContentItemId}/edit", Saved(admin, action));
                }
            }
            catch (ContentValidationException e)
            {
                Add(errors, e);
            }
        }

        return await pages.RenderAsync(definition, null, fields, permissions, stamp: null, errors, StatusCodes.Status400BadRequest,
            model => model.TranslationFrom = from.Length > 0 ? from : null);
    }

    public static async Task<IResult> EditFormAsync(string id, ContentDrafts drafts, ContentDefinitionManager definitions, AdminRequest admin, EditorPages pages)
    {
        if (await drafts.GetLatestAsync(id) is not { } latest || await definitions.FindTypeAsync(latest.Item.ContentType) is not { } definition)
        {
            return NotFound();
        }

        var permissions = await EditorPermissions.ForAsync(admin, definition.Name, latest.Item);
        if (!permissions.Edit)
        {
            return Forbidden();
        }

        var fields = await pages.FieldsAsync(definition, permissions);
        EditorSchema.Load(fields, latest.Item);
        return await pages.RenderAsync(definition, latest.Item, fields, permissions, latest.Stamp);
    }

    public static async Task<IResult> EditAsync(string id, HttpContext http, ContentDrafts drafts, ContentDefinitionManager definitions, AdminRequest admin,
        EditorPages pages, EditorBinder binder, EditorReferences references, UnitOfWork unitOfWork)
    {
        if (await drafts.GetLatestAsync(id) is not { } latest || await definitions.FindTypeAsync(latest.Item.ContentType) is not { } definition)
        {
            return NotFound();
        }

        var permissions = await EditorPermissions.ForAsync(admin, definition.Name, latest.Item);
        var form = await http.Request.ReadFormAsync();
        var action = form["submit.action"].ToString();
        if (!permissions.Edit || (action is "publish" or "schedule" && !permissions.Publish))
        {
            return Forbidden();
        }

        var stamp = form["stamp"].ToString();
        var fields = await pages.FieldsAsync(definition, permissions);
        EditorBinder.Read(fields, form);
        var item = latest.Item.CloneVersion();
        var errors = await WriteAsync(fields, item, action, binder, references, admin);
        if (!permissions.Publish)
        {
            // Only a publisher schedules: a draft an author changes is not published by a date someone set before.
            item.FindPart(PublishLaterPartHandler.Part)?.Remove(PublishLaterPartHandler.ScheduledPublishUtc);
        }

        var picked = fields.ToDictionary(f => f, f => f.Values.ToList());
        if (!errors.Any)
        {
            try
            {
                await using var transaction = await unitOfWork.BeginAsync();
                unitOfWork.AfterRollback(() => Restore(picked));
                await references.CreateTermsAsync(fields, errors);
                binder.Write(fields, item, new FormErrors());
                if (!errors.Any)
                {
                    await drafts.UpdateAsync(item, stamp, publish: action == "publish");
                    await transaction.CommitAsync();
                    return AdminResults.RedirectWithFlash(admin, $"/admin/content/{id}/edit", Saved(admin, action));
                }
            }
            catch (ContentValidationException e)
            {
                Add(errors, e);
            }
            catch (ContentConcurrencyException)
            {
                return await ConflictAsync(definition, fields, permissions, drafts, pages, admin, id);
            }
        }

        return await pages.RenderAsync(definition, latest.Item, fields, permissions, stamp, errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>The 409 page: the version now saved beside what this user typed, and the form with their text and the new stamp.</summary>
    private static async Task<IResult> ConflictAsync(ContentTypeDefinition definition, List<EditorField> mine, EditorPermissions permissions,
        ContentDrafts drafts, EditorPages pages, AdminRequest admin, string id)
    {
        if (await drafts.GetLatestAsync(id) is not { } current)
        {
            return NotFound();
        }

        var theirs = await pages.FieldsAsync(definition, permissions);
        EditorSchema.Load(theirs, current.Item);
        var errors = new FormErrors().Add("stamp", admin.T("Someone else saved this item while you were editing it; nothing of yours was saved."));
        return await pages.RenderAsync(definition, current.Item, mine, permissions, current.Stamp, errors, StatusCodes.Status409Conflict, model =>
        {
            model.Theirs = theirs;
            model.TheirAuthor = current.Item.Author ?? current.Item.Owner;
            model.TheirModifiedUtc = current.Item.ModifiedUtc;
        });
    }

    /// <summary>Writes the form into the item and checks what only the editor knows: references, and a schedule's date.</summary>
    private static async Task<FormErrors> WriteAsync(List<EditorField> fields, ContentItem item, string action, EditorBinder binder, EditorReferences references, AdminRequest admin)
    {
        var errors = new FormErrors();
        binder.Write(fields, item, errors);
        await references.CheckAsync(fields, errors);
        if (action == "schedule")
        {
            var scheduled = item.FindPart(PublishLaterPartHandler.Part)?[PublishLaterPartHandler.ScheduledPublishUtc].AsText();
            if (scheduled is null || !Content.Fields.ContentFieldType.TryParseDate(scheduled, out var when) || when <= DateTime.UtcNow)
            {
                errors.Add($"{PublishLaterPartHandler.Part}.{PublishLaterPartHandler.ScheduledPublishUtc}", admin.T("Choose a date and time in the future to schedule the publication."));
            }
        }

        return errors;
    }

    /// <summary>Terms created in a transaction that rolled back do not exist: the fields pick what they picked before.</summary>
    private static void Restore(Dictionary<EditorField, List<string>> picked)
    {
        foreach (var (field, values) in picked)
        {
            field.Values = values;
        }
    }

    private static string Saved(AdminRequest admin, string action) => action switch
    {
        "publish" => admin.T("Published."),
        "schedule" => admin.T("Scheduled."),
        _ => admin.T("Draft saved."),
    };

    private static void Add(FormErrors errors, ContentValidationException e)
    {
        foreach (var error in e.Errors)
        {
            errors.Add(error.Field, error.Message);
        }
    }

    private static async Task<ContentTypeDefinition?> CreatableAsync(string type, ContentDefinitionManager definitions) =>
        await definitions.FindTypeAsync(type) is { } definition && definition.Settings["ContentTypeSettings"]?["Creatable"]?.GetValue<bool>() != false ? definition : null;

    public static IResult NotFound() => AdminResults.Page<NotFoundPage>(statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden() => AdminResults.Page<ForbiddenPage>(statusCode: StatusCodes.Status403Forbidden);
}
