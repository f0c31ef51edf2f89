using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.ContentEditor;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.SiteAdmin;

/// <summary>/admin/definitions: types, parts and fields edited in the admin, with the recipe step's checks; items keep working.</summary>
public abstract class DefinitionsAdminTests(SiteFixture site)
{
    [Fact]
    public async Task A_type_is_created_given_fields_and_settings_and_an_unknown_field_type_is_refused()
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null);
        using (admin)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/definitions", [new("name", "Recipe"), new("displayName", "Cooking recipe")], "/admin/definitions")).StatusCode);
            using (var taken = await admin.PostFormAsync("/admin/definitions", [new("name", "Recipe")], "/admin/definitions"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
                Assert.NotNull(AdminSession.Parse(await taken.Content.ReadAsStringAsync()).QuerySelector("#name-error"));
            }

            using (var badName = await admin.PostFormAsync("/admin/definitions", [new("name", "9 lives")], "/admin/definitions"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
                Assert.Contains("is not a valid name", AdminSession.Parse(await badName.Content.ReadAsStringAsync()).QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/definitions/Recipe/fields", [new("fieldName", "Subtitle"), new("fieldDisplayName", "Sub title"), new("fieldType", "TextField")], "/admin/definitions/Recipe")).StatusCode);
            using (var unknown = await admin.PostFormAsync("/admin/definitions/Recipe/fields", [new("fieldName", "Speed"), new("fieldType", "WarpField")], "/admin/definitions/Recipe"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
                var page = AdminSession.Parse(await unknown.Content.ReadAsStringAsync());
                Assert.Contains("unknown field type 'WarpField'", page.QuerySelector("#fieldType-error")!.TextContent, StringComparison.Ordinal);
                Assert.Equal("Speed", page.QuerySelector("input#fieldName")!.GetAttribute("value"));
            }

            using (var saved = await admin.PostFormAsync("/admin/definitions/Recipe", [new("displayName", "Recipe card"), new("flags", "Creatable"), new("flags", "Listable"), new("parts", "TitlePart"), new("parts", "HtmlBodyPart")], "/admin/definitions/Recipe"))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            using (var field = await admin.PostFormAsync("/admin/definitions/Recipe/fields/Subtitle", [new("displayName", "Subtitle"), new("hint", "A line under the title"), new("required", "true"), new("settings", "{\"Editor\": \"TextArea\"}")], "/admin/definitions/Recipe/fields/Subtitle"))
            {
                Assert.Equal(HttpStatusCode.Redirect, field.StatusCode);
            }

            using (var badJson = await admin.PostFormAsync("/admin/definitions/Recipe/fields/Subtitle", [new("displayName", "Broken"), new("settings", "{ nope")], "/admin/definitions/Recipe/fields/Subtitle"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
                Assert.NotNull(AdminSession.Parse(await badJson.Content.ReadAsStringAsync()).QuerySelector("#settings-error"));
            }

            var definition = await DefinitionAsync(name);
            var type = definition.FindType("Recipe")!;
            Assert.Equal("Recipe card", type.DisplayName);
            Assert.False(type.Draftable);
            Assert.Equal(["TitlePart", "Recipe", "HtmlBodyPart"], type.ContentTypePartDefinitionRecords.Select(p => p.PartName));
            var subtitle = Assert.Single(definition.FindPart("Recipe")!.ContentPartFieldDefinitionRecords);
            Assert.Equal(("TextField", "Subtitle", true), (subtitle.FieldName, subtitle.DisplayName, subtitle.Required));
            Assert.Equal("A line under the title", subtitle.FieldSettings!["Hint"]!.GetValue<string>());
            Assert.Equal("TextArea", subtitle.FieldSettings!["Editor"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_removed_fields_value_stays_in_the_items_until_each_is_saved_and_a_type_with_items_is_not_removed()
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null);
        using (admin)
        {
            await admin.PostFormAsync("/admin/definitions", [new("name", "Note")], "/admin/definitions");
            await admin.PostFormAsync("/admin/definitions/Note/fields", [new("fieldName", "Mood"), new("fieldType", "TextField")], "/admin/definitions/Note");
            var id = "note-" + Guid.NewGuid().ToString("N")[..8];
            await using (var scope = site.TenantScope(name))
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(new ContentItem
                {
                    ContentType = "Note",
                    ContentItemId = id,
                    Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "A note" }, ["Note"] = new JsonObject { ["Mood"] = new JsonObject { ["Text"] = "sunny" } } },
                });
            }

            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/definitions/Note/fields/Mood/remove", [], "/admin/definitions/Note")).StatusCode);
            Assert.Empty((await DefinitionAsync(name)).FindPart("Note")!.ContentPartFieldDefinitionRecords);
            await using (var scope = site.TenantScope(name))
            {
                var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id);
                Assert.Equal("sunny", item!.Content["Note"]!["Mood"]!["Text"]!.GetValue<string>());
                Assert.Equal("A note", item.DisplayText);
            }

            // Saving the item in the editor drops the removed field's value and keeps the rest.
            var edit = await EditorForm.OpenAsync(admin, $"/admin/content/{id}/edit");
            edit.Set("TitlePart.Title", "A note, saved");
            using (var saved = await edit.SubmitAsync(admin, "save"))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            await using (var scope = site.TenantScope(name))
            {
                var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest);
                Assert.Null(item!.Content["Note"]?["Mood"]);
                Assert.Equal("A note, saved", item.DisplayText);
            }

            using var refused = await admin.PostFormAsync("/admin/definitions/Note/remove", [], "/admin/definitions/Note");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await DefinitionAsync(name)).FindType("Note"));

            await admin.PostFormAsync("/admin/definitions", [new("name", "Scratch")], "/admin/definitions");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/definitions/Scratch/remove", [], "/admin/definitions/Scratch")).StatusCode);
            Assert.Null((await DefinitionAsync(name)).FindType("Scratch"));
            Assert.Null((await DefinitionAsync(name)).FindPart("Scratch"));
        }
    }

    [Fact]
    public async Task Only_those_who_edit_content_types_open_the_definitions()
    {
        using var author = await site.SignInAsNewUserAsync("usa", DefaultRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/admin/definitions")).StatusCode);
        using var post = await author.PostFormAsync("/admin/definitions", [new("name", "Sneaky")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var admin = await site.SignInAsync("usa", "admin", CmsAppFactory.AdminPassword);
        Assert.NotNull((await admin.PageAsync("/admin/definitions")).QuerySelector("tr[data-type=Article]"));
        Assert.NotNull((await admin.PageAsync("/admin/definitions/Article")).QuerySelector("input[name=parts][value=TitlePart][checked]"));
    }

    private async Task<ContentDefinition> DefinitionAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().GetAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDefinitionsAdminTests(SqliteSite site) : DefinitionsAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDefinitionsAdminTests(PostgresSite site) : DefinitionsAdminTests(site);
