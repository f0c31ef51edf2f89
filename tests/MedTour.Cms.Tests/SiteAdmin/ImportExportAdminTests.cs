using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.SiteAdmin;

/// <summary>/admin/import and /admin/export: the CLI's recipe import and export, with its messages, in the admin.</summary>
public abstract class ImportExportAdminTests(SiteFixture site)
{
    [Fact]
    public async Task An_export_of_chosen_types_imports_into_another_site()
    {
        var (_, source) = await site.NewSiteAsync();
        var (target, admin) = await site.NewSiteAsync("medtour-content-types");
        using (source)
        using (admin)
        {
            var page = await source.PageAsync("/admin/export");
            Assert.NotNull(page.QuerySelector("input[name=types][value=Article]"));
            using var export = await source.PostFormAsync("/admin/export", [new("types", "Article")], "/admin/export");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
            var json = await export.Content.ReadAsStringAsync();
            var steps = JsonNode.Parse(json)!["steps"]!.AsArray();
            Assert.Equal(["Article"], steps[0]!["ContentTypes"]!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
            Assert.All(steps[1]!["data"]!.AsArray(), item => Assert.Equal("Article", item!["ContentType"]!.GetValue<string>()));

            using var imported = await UploadAsync(admin, json, skipUnsupported: false);
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
            await using var scope = site.TenantScope(target);
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("eu-article-liver-metastasis"));
        }
    }

    [Fact]
    public async Task Invalid_JSON_is_refused_with_its_line_and_nothing_is_written()
    {
        var (_, admin) = await site.NewSiteAsync(recipe: null);
        using (admin)
        {
            using var response = await UploadAsync(admin, "{\n  \"name\": \"broken\",\n  \"steps\": [ { \"name\": \"Settings\" \"SiteName\": \"x\" } ]\n}", skipUnsupported: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = AdminSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#recipe-error")!.TextContent;
            Assert.Contains("is not valid JSON: line 3", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_steps_error_names_the_step_and_the_import_writes_nothing()
    {
        var (name, admin) = await site.NewSiteAsync(recipe: null);
        using (admin)
        {
            var recipe = """
                {"name":"bad","steps":[
                  {"name":"Settings","SiteName":"Changed"},
                  {"name":"ContentDefinition","ContentParts":[{"Name":"Odd","ContentPartFieldDefinitionRecords":[{"FieldName":"WarpField","Name":"Speed"}]}]}
                ]}
                """;
            using var response = await UploadAsync(admin, recipe, skipUnsupported: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = AdminSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#recipe-error")!.TextContent;
            Assert.Contains("step 2 (ContentDefinition)", error, StringComparison.Ordinal);
            Assert.Contains("unknown field type 'WarpField'", error, StringComparison.Ordinal);
            await using var scope = site.TenantScope(name);
            Assert.Null((await scope.ServiceProvider.GetRequiredService<MedTour.Cms.Settings.SiteSettingsStore>().GetAsync())["SiteName"]);
        }
    }

    [Fact]
    public async Task Unsupported_steps_are_refused_unless_the_box_is_ticked()
    {
        var (_, admin) = await site.NewSiteAsync(recipe: null);
        using (admin)
        {
            var recipe = """{"name":"odd","steps":[{"name":"Settings","SiteName":"Odd"},{"name":"Layers","Layers":[]}]}""";
            using (var refused = await UploadAsync(admin, recipe, skipUnsupported: false))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Contains("unknown step 'Layers'", AdminSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#recipe-error")!.TextContent, StringComparison.Ordinal);
            }

            using var skipped = await UploadAsync(admin, recipe, skipUnsupported: true);
            Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
            var page = await admin.PageAsync("/admin/import");
            Assert.Contains("Layers", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_those_who_may_import_and_export_do()
    {
        using var editor = await site.SignInAsNewUserAsync("usa", DefaultRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/export")).StatusCode);
        using var export = await editor.PostFormAsync("/admin/export", [new("types", "Article")]);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(AdminSession admin, string json, bool skipUnsupported)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "recipe", "upload.recipe.json");
        if (skipUnsupported)
        {
            content.Add(new StringContent("true"), "skipUnsupported");
        }

        return await admin.PostMultipartAsync("/admin/import", content, "/admin/import");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImportExportAdminTests(SqliteSite site) : ImportExportAdminTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportExportAdminTests(PostgresSite site) : ImportExportAdminTests(site);
