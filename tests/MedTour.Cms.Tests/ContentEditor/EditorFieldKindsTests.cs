using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>The field kinds the MedTour article does not use (number, yes/no, date and time, link, values, Markdown) and scheduling, on a type of their own.</summary>
public abstract class EditorFieldKindsTests(SiteFixture site)
{
    private const string Tenant = "usa";

    private const string Definition = """
        {"name":"ContentDefinition",
         "ContentParts":[{"Name":"EditorNews","ContentPartFieldDefinitionRecords":[
           {"FieldName":"TextField","Name":"Lead","Settings":{"ContentPartFieldSettings":{"DisplayName":"Lead","Editor":"TextArea","Position":"0"}}},
           {"FieldName":"NumericField","Name":"Rating","Settings":{"ContentPartFieldSettings":{"DisplayName":"Rating","Position":"1"},"NumericFieldSettings":{"Minimum":0,"Maximum":10,"Scale":0}}},
           {"FieldName":"BooleanField","Name":"Featured","Settings":{"ContentPartFieldSettings":{"DisplayName":"Featured","Position":"2"}}},
           {"FieldName":"DateTimeField","Name":"EventStart","Settings":{"ContentPartFieldSettings":{"DisplayName":"Event start","Position":"3"}}},
           {"FieldName":"LinkField","Name":"Website","Settings":{"ContentPartFieldSettings":{"DisplayName":"Website","Position":"4"}}},
           {"FieldName":"MultiTextField","Name":"Tags","Settings":{"ContentPartFieldSettings":{"DisplayName":"Tags","Position":"5"}}},
           {"FieldName":"MultiTextField","Name":"Audience","Settings":{"ContentPartFieldSettings":{"DisplayName":"Audience","Position":"6"},"MultiTextFieldSettings":{"Options":[{"name":"Patients","value":"patients"},{"name":"Doctors","value":"doctors"}]}}},
           {"FieldName":"MarkdownField","Name":"Notes","Settings":{"ContentPartFieldSettings":{"DisplayName":"Notes","Position":"7"}}}]}],
         "ContentTypes":[{"Name":"EditorNews","DisplayName":"News","Settings":{"ContentTypeSettings":{"Creatable":true,"Draftable":true}},
           "ContentTypePartDefinitionRecords":[
             {"PartName":"TitlePart","Name":"TitlePart","Settings":{"ContentTypePartSettings":{"Position":"0"}}},
             {"PartName":"AutoroutePart","Name":"AutoroutePart","Settings":{"ContentTypePartSettings":{"Position":"1"},"AutoroutePartSettings":{"Pattern":"news/{{ ContentItem.DisplayText | slugify }}"}}},
             {"PartName":"EditorNews","Name":"EditorNews","Settings":{"ContentTypePartSettings":{"Position":"2"}}},
             {"PartName":"MarkdownBodyPart","Name":"MarkdownBodyPart","Settings":{"ContentTypePartSettings":{"Position":"3"}}},
             {"PartName":"SeoMetaPart","Name":"SeoMetaPart","Settings":{"ContentTypePartSettings":{"Position":"4"}}},
             {"PartName":"PublishLaterPart","Name":"PublishLaterPart","Settings":{"ContentTypePartSettings":{"Position":"5"}}}]}]}
        """;

    [Fact]
    public async Task Every_field_kind_is_stored_in_its_Orchard_shape_and_the_path_follows_the_pattern()
    {
        await site.ImportAsync(Tenant, Definition);
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var form = await EditorForm.OpenAsync(editor, "/admin/content/EditorNews/create");
        Assert.NotNull(form.Page.QuerySelector("textarea#EditorNews\\.Lead"));
        Assert.NotNull(form.Page.QuerySelector("input[type=checkbox]#EditorNews\\.Featured"));
        Assert.NotNull(form.Page.QuerySelector("input[type=datetime-local]#EditorNews\\.EventStart"));
        Assert.NotNull(form.Page.QuerySelector("textarea[data-markdown-preview]#MarkdownBodyPart\\.Markdown"));
        Assert.NotNull(form.Page.QuerySelector("[data-seo-preview]"));
        Assert.Equal(2, form.Page.QuerySelectorAll("input[type=checkbox][name='EditorNews.Audience']").Length);

        var title = "Spring open day " + Guid.NewGuid().ToString("N")[..6];
        using var response = await form
            .Set("TitlePart.Title", title)
            .Set("EditorNews.Lead", "First line\nsecond line")
            .Set("EditorNews.Rating", "7")
            .Set("EditorNews.Featured", "false", "true")
            .Set("EditorNews.EventStart", "2027-03-01T09:30")
            .Set("EditorNews.Website", "https://example.org/open-day")
            .Set("EditorNews.Website.Text", "Programme")
            .Set("EditorNews.Tags", "open day\nclinic")
            .Set("EditorNews.Audience", "patients", "doctors")
            .Set("EditorNews.Notes", "*Bring* your records")
            .Set("MarkdownBodyPart.Markdown", "# Programme")
            .Set("SeoMetaPart.MetaDescription", "Visit the clinics.")
            .SubmitAsync(editor);
        var id = EditorForm.EditedId(response);
        var item = (await EditorForm.LatestAsync(site, Tenant, id))!;
        var part = item.Content["EditorNews"]!;
        Assert.Equal("First line\nsecond line", part["Lead"]!["Text"]!.GetValue<string>());
        Assert.Equal(7, part["Rating"]!["Value"]!.GetValue<double>());
        Assert.True(part["Featured"]!["Value"]!.GetValue<bool>());
        Assert.Equal("2027-03-01T09:30:00Z", part["EventStart"]!["Value"]!.GetValue<string>());
        Assert.Equal("https://example.org/open-day", part["Website"]!["Url"]!.GetValue<string>());
        Assert.Equal("Programme", part["Website"]!["Text"]!.GetValue<string>());
        Assert.Equal(["open day", "clinic"], ContentEditorTests.Strings(part["Tags"]!["Values"]));
        Assert.Equal(["patients", "doctors"], ContentEditorTests.Strings(part["Audience"]!["Values"]));
        Assert.Equal("*Bring* your records", part["Notes"]!["Markdown"]!.GetValue<string>());
        Assert.Equal("# Programme", item.Content["MarkdownBodyPart"]!["Markdown"]!.GetValue<string>());
        Assert.Equal("Visit the clinics.", item.Content["SeoMetaPart"]!["MetaDescription"]!.GetValue<string>());
        Assert.StartsWith("news/spring-open-day-", item.Content["AutoroutePart"]!["Path"]!.GetValue<string>(), StringComparison.Ordinal);

        // Loaded again, the form shows the same values (an unchecked box is sent as false).
        var edit = await EditorForm.OpenAsync(editor, $"/admin/content/{id}/edit");
        Assert.Equal("2027-03-01T09:30", edit.Get("EditorNews.EventStart"));
        using var unchecked_ = await edit.Set("EditorNews.Featured", "false").SubmitAsync(editor);
        Assert.False((await EditorForm.LatestAsync(site, Tenant, id))!.Content["EditorNews"]!["Featured"]!["Value"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_number_out_of_range_an_unsafe_link_and_an_impossible_time_are_refused_next_to_their_fields()
    {
        await site.ImportAsync(Tenant, Definition);
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        using var response = await (await EditorForm.OpenAsync(editor, "/admin/content/EditorNews/create"))
            .Set("TitlePart.Title", "Refused")
            .Set("EditorNews.Rating", "11")
            .Set("EditorNews.Website", "javascript:alert(1)")
            .Set("EditorNews.EventStart", "2027-13-01T09:30")
            .SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = AdminSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.GetElementById("EditorNews.Rating-error"));
        Assert.NotNull(page.GetElementById("EditorNews.Website-error"));
        Assert.NotNull(page.GetElementById("EditorNews.EventStart-error"));
        Assert.Equal("javascript:alert(1)", EditorForm.Read(page).Get("EditorNews.Website"));

        using var notANumber = await EditorForm.Read(page).Set("EditorNews.Rating", "seven").Set("EditorNews.Website", "").Set("EditorNews.EventStart", "").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.NotNull(AdminSession.Parse(await notANumber.Content.ReadAsStringAsync()).GetElementById("EditorNews.Rating-error"));
    }

    [Fact]
    public async Task An_editor_schedules_a_draft_for_a_future_date_and_an_author_is_not_offered_the_schedule()
    {
        await site.ImportAsync(Tenant, Definition);
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var form = (await EditorForm.OpenAsync(editor, "/admin/content/EditorNews/create")).Set("TitlePart.Title", "Scheduled " + Guid.NewGuid().ToString("N")[..6]);
        Assert.NotNull(form.Page.QuerySelector("button[value=schedule]"));
        using (var past = await form.Set("PublishLaterPart.ScheduledPublishUtc", "2020-01-01T08:00").SubmitAsync(editor, "schedule"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
            Assert.NotNull(AdminSession.Parse(await past.Content.ReadAsStringAsync()).GetElementById("PublishLaterPart.ScheduledPublishUtc-error"));
        }

        var when = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var id = EditorForm.EditedId(await form.Set("PublishLaterPart.ScheduledPublishUtc", when).SubmitAsync(editor, "schedule"));
        var item = (await EditorForm.LatestAsync(site, Tenant, id))!;
        Assert.False(item.Published);
        Assert.StartsWith(when, item.Content["PublishLaterPart"]!["ScheduledPublishUtc"]!.GetValue<string>(), StringComparison.Ordinal);

        using var author = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Author);
        var authorForm = await EditorForm.OpenAsync(author, "/admin/content/EditorNews/create");
        Assert.Null(authorForm.Page.QuerySelector("button[value=schedule]"));
        Assert.Null(authorForm.Page.GetElementById("PublishLaterPart.ScheduledPublishUtc"));
        using var refused = await authorForm.Set("TitlePart.Title", "Author schedule").SubmitAsync(author, "schedule");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEditorFieldKindsTests(SqliteSite site) : EditorFieldKindsTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEditorFieldKindsTests(PostgresSite site) : EditorFieldKindsTests(site);
