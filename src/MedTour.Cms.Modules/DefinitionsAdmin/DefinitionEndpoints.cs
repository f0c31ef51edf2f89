using System.Text.Json;
using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.DefinitionsAdmin;

/// <summary>
/// The definitions admin's handlers. Each change is checked by the ContentDefinition step (through
/// <see cref="DefinitionEditor"/>); its message is shown next to the field it is about and nothing is saved.
/// </summary>
internal static class DefinitionEndpoints
{
    public static async Task<IResult> CreateTypeAsync(HttpContext http, AdminRequest admin, DefinitionEditor editor)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString().Trim();
        var displayName = form["displayName"].ToString().Trim();
        var definition = await editor.GetAsync();
        var errors = new FormErrors();
        if (definition.FindType(name) is not null || definition.FindPart(name) is not null)
        {
            return TypeList(name, displayName, errors.Add("name", admin.T("A content type or part named {0} already exists.", name)));
        }

        var type = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = displayName.Length == 0 ? name : displayName,
            Settings = new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true } },
            ContentTypePartDefinitionRecords = [new() { PartName = "TitlePart", Name = "TitlePart" }, new() { PartName = name, Name = name }],
        };
        try
        {
            await editor.SaveAsync(type, new ContentPartDefinition { Name = name }, http.RequestAborted);
        }
        catch (DefinitionException e)
        {
            return TypeList(name, displayName, errors.Add("name", e.Message));
        }

        return AdminResults.RedirectWithFlash(admin, $"/admin/definitions/{name}", admin.T("Content type {0} created.", name));
    }

    public static async Task<IResult> EditTypeAsync(string type, DefinitionEditor editor) =>
        (await editor.GetAsync()).FindType(type) is { } found ? TypePage(found, TypeForm.From(found), null, StatusCodes.Status200OK) : Results.NotFound();

    public static async Task<IResult> SaveTypeAsync(string type, HttpContext http, AdminRequest admin, DefinitionEditor editor)
    {
        if ((await editor.GetAsync()).FindType(type) is not { } found)
        {
            return Results.NotFound();
        }

        var form = TypeForm.Read(await http.Request.ReadFormAsync());
        try
        {
            await editor.SaveAsync(form.ApplyTo(found), null, http.RequestAborted);
        }
        catch (DefinitionException e)
        {
            return TypePage(found, form, new FormErrors().Add(e.Path.Contains("PartName", StringComparison.Ordinal) ? "parts" : "displayName", e.Message), StatusCodes.Status400BadRequest);
        }

        return AdminResults.RedirectWithFlash(admin, $"/admin/definitions/{type}", admin.T("Content type {0} saved.", type));
    }

    public static async Task<IResult> RemoveTypeAsync(string type, HttpContext http, AdminRequest admin, DefinitionEditor editor)
    {
        if ((await editor.GetAsync()).FindType(type) is not { } found)
        {
            return Results.NotFound();
        }

        try
        {
            await editor.RemoveTypeAsync(type, http.RequestAborted);
        }
        catch (DefinitionException e)
        {
            return TypePage(found, TypeForm.From(found), new FormErrors().Add("remove", e.Message), StatusCodes.Status400BadRequest);
        }

        return AdminResults.RedirectWithFlash(admin, "/admin/definitions", admin.T("Content type {0} removed.", type));
    }

    public static async Task<IResult> AddFieldAsync(string type, HttpContext http, AdminRequest admin, DefinitionEditor editor)
    {
        var definition = await editor.GetAsync();
        if (definition.FindType(type) is not { } found)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync();
        var field = new FieldForm(form["fieldName"].ToString().Trim(), form["fieldDisplayName"].ToString().Trim(), form["fieldType"].ToString().Trim());
        var part = DefinitionEditor.Copy(definition.FindPart(type) ?? new ContentPartDefinition { Name = type });
        if (part.ContentPartFieldDefinitionRecords.Exists(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return TypePage(found, TypeForm.From(found), new FormErrors().Add("fieldName", admin.T("The type already has a field named {0}.", field.Name)), StatusCodes.Status400BadRequest, field);
        }

        part.ContentPartFieldDefinitionRecords.Add(new ContentPartFieldDefinition
        {
            FieldName = field.FieldType,
            Name = field.Name,
            Settings = new JsonObject { ["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = field.DisplayName.Length == 0 ? field.Name : field.DisplayName } },
        });
        // A type made by a recipe may lack its own part: it gets it with its first field.
        var withPart = found.HasPart(type) ? null : DefinitionEditor.Copy(found);
        withPart?.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = type, Name = type });
        try
        {
            await editor.SaveAsync(withPart, part, http.RequestAborted);
        }
        catch (DefinitionException e)
        {
            var at = e.Path.EndsWith(".FieldName", StringComparison.Ordinal) ? "fieldType" : "fieldName";
            return TypePage(found, TypeForm.From(found), new FormErrors().Add(at, e.Message), StatusCodes.Status400BadRequest, field);
        }

        return AdminResults.RedirectWithFlash(admin, $"/admin/definitions/{type}", admin.T("Field {0} added.", field.Name));
    }

    public static async Task<IResult> EditFieldAsync(string type, string field, DefinitionEditor editor)
    {
        var definition = await editor.GetAsync();
        return definition.FindType(type) is not null && definition.FindPart(type)?.ContentPartFieldDefinitionRecords.Find(f => f.Name == field) is { } found
            ? FieldPage(type, found, FieldSettingsForm.From(found), null, StatusCodes.Status200OK)
            : Results.NotFound();
    }

    public static async Task<IResult> SaveFieldAsync(string type, string field, HttpContext http, AdminRequest admin, DefinitionEditor editor)
    {
        var definition = await editor.GetAsync();
        if (definition.FindType(type) is null || definition.FindPart(type) is not { } part || part.ContentPartFieldDefinitionRecords.Find(f => f.Name == field) is not { } found)
        {
            return Results.NotFound();
        }

        var form = FieldSettingsForm.Read(await http.Request.ReadFormAsync());
        JsonObject settings;
        try
        {
            settings = form.Settings.Length == 0 ? [] : JsonNode.Parse(form.Settings) as JsonObject ?? throw new JsonException("expected an object { … }.");
        }
        catch (JsonException e)
        {
            return FieldPage(type, found, form, new FormErrors().Add("settings", admin.T("Not a JSON object: {0}", e.Message.Split(" Path:")[0])), StatusCodes.Status400BadRequest);
        }

        var next = DefinitionEditor.Copy(part);
        next.ContentPartFieldDefinitionRecords[part.ContentPartFieldDefinitionRecords.IndexOf(found)] = form.ApplyTo(found, settings);
        try
        {
            await editor.SaveAsync(null, next, http.RequestAborted);
        }
        catch (DefinitionException e)
        {
            return FieldPage(type, found, form, new FormErrors().Add("settings", e.Message), StatusCodes.Status400BadRequest);
        }

        return AdminResults.RedirectWithFlash(admin, $"/admin/definitions/{type}", admin.T("Field {0} saved.", field));
    }

    public static async Task<IResult> RemoveFieldAsync(string type, string field, AdminRequest admin, DefinitionEditor editor, HttpContext http)
    {
        var definition = await editor.GetAsync();
        if (definition.FindType(type) is null || definition.FindPart(type) is not { } part || !part.ContentPartFieldDefinitionRecords.Exists(f => f.Name == field))
        {
            return Results.NotFound();
        }

        // The items keep the field's value in their JSON; only the definition forgets it.
        var next = DefinitionEditor.Copy(part);
        next.ContentPartFieldDefinitionRecords.RemoveAll(f => f.Name == field);
        await editor.SaveAsync(null, next, http.RequestAborted);
        return AdminResults.RedirectWithFlash(admin, $"/admin/definitions/{type}", admin.T("Field {0} removed.", field));
    }

    private static IResult TypeList(string name, string displayName, FormErrors errors) =>
        AdminResults.Page<TypeListPage>(new Dictionary<string, object?> { ["Name"] = name, ["DisplayName"] = displayName, ["Errors"] = errors }, StatusCodes.Status400BadRequest);

    private static IResult TypePage(ContentTypeDefinition type, TypeForm form, FormErrors? errors, int status, FieldForm? field = null) =>
        AdminResults.Page<TypeEditPage>(new Dictionary<string, object?> { ["Type"] = type, ["Form"] = form, ["Errors"] = errors, ["NewField"] = field }, status);

    private static IResult FieldPage(string type, ContentPartFieldDefinition field, FieldSettingsForm form, FormErrors? errors, int status) =>
        AdminResults.Page<FieldEditPage>(new Dictionary<string, object?> { ["TypeName"] = type, ["Field"] = field, ["Form"] = form, ["Errors"] = errors }, status);
}
