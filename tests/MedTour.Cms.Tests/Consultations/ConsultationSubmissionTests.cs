using System.Net;
using System.Text.RegularExpressions;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>A patient sends the Ukrainian consultation form: what they see, and what is stored (encrypted, with its event and its mail).</summary>
public abstract partial class ConsultationSubmissionTests(SiteFixture site)
{
    [Fact]
    public async Task A_patient_sends_the_Ukrainian_form_with_a_PDF_and_sees_the_confirmation_with_its_reference()
    {
        using var client = site.ClientFrom("10.1.0.1");
        var before = await site.CountsAsync();
        var form = await ConsultationForm.OpenAsync(client);
        Assert.Equal("/ua/consultation", form.Action);
        var values = ConsultationForm.ValidUkrainian();
        var pdf = ConsultationForm.Pdf();

        using var response = await form.SubmitAsync(client, values, [("виписка.pdf", pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/ua/forms/sent/", confirmation, StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri(confirmation, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = ConsultationForm.Parse(await page.Content.ReadAsStringAsync());
        var reference = document.QuerySelector(".reference")!.TextContent;
        Assert.Matches(Reference(), reference);
        Assert.Equal("Заявку надіслано", document.QuerySelector("main h1")!.TextContent);
        Assert.Equal("uk", document.DocumentElement.GetAttribute("lang"));

        var after = await site.CountsAsync();
        Assert.Equal((before.Submissions + 1, before.Files + 1, before.Events + 1, before.Mails + 1), after);
        var stored = await site.SubmissionAsync(reference);
        Assert.NotNull(stored);
        Assert.Equal("2026-09", stored.PrivacyNoticeVersion);
        Assert.Equal("uk", stored.Culture);
        // Encrypted at rest: the stored row holds none of the answers; the tenant's key reads them back, the phone in E.164.
        Assert.DoesNotContain("Олена", stored.ProtectedFields, StringComparison.Ordinal);
        var fields = site.Decrypt(stored);
        Assert.Equal("+380" + values["phone"][1..], fields["phone"]);
        Assert.Equal(values["message"], fields["message"]);
        Assert.Equal("true", fields["consent"]);
    }

    [Fact]
    public async Task The_file_is_kept_encrypted_under_a_new_name_outside_the_web_root_and_the_event_names_the_reference_only()
    {
        using var client = site.ClientFrom("10.1.0.2");
        var form = await ConsultationForm.OpenAsync(client);
        var pdf = ConsultationForm.Pdf(64 * 1024);
        using var response = await form.SubmitAsync(client, ConsultationForm.ValidUkrainian(), [("mri-scan.pdf", pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = await ReferenceOfAsync(client, response);

        var stored = (await site.SubmissionAsync(reference))!;
        var file = await site.WithDbAsync(db => db.SubmissionFiles.AsNoTracking().SingleAsync(f => f.SubmissionId == stored.Id));
        Assert.Equal("pdf", file.Kind);
        Assert.Equal(pdf.Length, file.Length);
        Assert.DoesNotContain("mri", file.StoredName, StringComparison.OrdinalIgnoreCase);
        var path = Path.Combine(site.Factory.AppData, "Sites", "ukraine", "Submissions", file.StoredName);
        var onDisk = await File.ReadAllBytesAsync(path);
        Assert.False(onDisk.AsSpan().IndexOf(pdf.AsSpan(0, 512)) >= 0, "the file is stored in clear");
        Assert.Equal(pdf, ConsultationStore.Protector(site, "ukraine", SubmissionStore.FilesPurpose).Unprotect(onDisk));
        Assert.False(path.Contains("wwwroot", StringComparison.OrdinalIgnoreCase));

        var events = await site.WithDbAsync(db => db.WorkflowEvents.AsNoTracking().Where(e => e.CorrelationId == reference).ToListAsync());
        var submitted = Assert.Single(events);
        Assert.Equal("FormSubmitted", submitted.Name);
        Assert.Null(submitted.ProcessedUtc);
        Assert.DoesNotContain("Олена", submitted.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DICOM_JPEG_and_PNG_files_are_accepted_by_their_bytes_and_stored_with_their_kind()
    {
        using var client = site.ClientFrom("10.1.0.6");
        var form = await ConsultationForm.OpenAsync(client);
        // DICOM Part 10: a 128-byte preamble, then "DICM", then the data set.
        var dicom = new byte[2048];
        "DICM"u8.CopyTo(dicom.AsSpan(128));
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[1020]];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[1016]];

        using var response = await form.SubmitAsync(client, ConsultationForm.ValidUkrainian(), [("ct-scan.dcm", dicom), ("photo.jpg", jpeg), ("ecg.png", png)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = await ReferenceOfAsync(client, response);

        var stored = (await site.SubmissionAsync(reference))!;
        var kinds = await site.WithDbAsync(db => db.SubmissionFiles.AsNoTracking().Where(f => f.SubmissionId == stored.Id).Select(f => f.Kind).ToListAsync());
        Assert.Equal(["dicom", "jpeg", "png"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_form_page_is_never_cached_and_each_visit_gets_a_ticket_of_its_own()
    {
        using var client = site.ClientFrom("10.1.0.3");
        var first = await ConsultationForm.OpenAsync(client);
        var second = await ConsultationForm.OpenAsync(client);
        Assert.NotEqual(first.Hidden[FormTicket.FieldName], second.Hidden[FormTicket.FieldName]);
        var fields = first.Page.QuerySelectorAll("form.form-fields [name]").Select(e => e.GetAttribute("name")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "name", "phone_country", "phone", "phone_country_confirmed", "email", "language", "country", "destination", "condition", "message", "files", "consent" }, fields);
        Assert.Null(first.Page.QuerySelector("button[type=submit]")!.GetAttribute("disabled"));
        Assert.Null(first.Page.QuerySelector("#field-consent")!.GetAttribute("checked"));
        Assert.NotNull(first.Page.QuerySelector("label[for=field-consent] a[href='#privacy-notice']"));
        Assert.NotNull(first.Page.QuerySelector("details#privacy-notice"));
        Assert.Equal("tel", first.Page.QuerySelector("#field-phone")!.GetAttribute("autocomplete"));
    }

    [Fact]
    public async Task A_replayed_post_is_refused_and_stores_nothing_more()
    {
        using var client = site.ClientFrom("10.1.0.4");
        var form = await ConsultationForm.OpenAsync(client);
        var values = ConsultationForm.ValidUkrainian();
        using var first = await form.SubmitAsync(client, values);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var before = await site.CountsAsync();

        values["email"] = $"other.{Guid.NewGuid():N}@example.com";
        using var replay = await form.SubmitAsync(client, values);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("Цю форму вже надіслано", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await site.CountsAsync());
    }

    [Fact]
    public async Task A_flood_from_one_address_gets_429_in_the_pages_language_and_stores_nothing()
    {
        using var client = site.ClientFrom("10.1.0.5");
        var before = await site.CountsAsync();
        var form = await ConsultationForm.OpenAsync(client);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            // Posts without a name: each is refused, but each counts against the address.
            var values = ConsultationForm.ValidUkrainian();
            values.Remove("name");
            using var response = await form.SubmitAsync(client, values, wait: i == 0);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
                Assert.Contains("Забагато заявок з вашого підключення", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 10).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), statuses);
        Assert.Equal(before, await site.CountsAsync());
    }

    [Fact]
    public async Task A_fourth_request_with_one_phone_number_within_the_hour_gets_429()
    {
        var values = ConsultationForm.ValidUkrainian();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var client = site.ClientFrom($"10.1.1.{i + 1}");
            var form = await ConsultationForm.OpenAsync(client);
            values["email"] = $"p{i}.{Guid.NewGuid():N}@example.com";
            using var response = await form.SubmitAsync(client, values);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    internal static async Task<string> ReferenceOfAsync(HttpClient client, HttpResponseMessage redirect)
    {
        using var page = await client.GetAsync(redirect.Headers.Location);
        return ConsultationForm.Parse(await page.Content.ReadAsStringAsync()).QuerySelector(".reference")!.TextContent;
    }

    [GeneratedRegex("^UA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$")]
    private static partial Regex Reference();
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationSubmissionTests(ConsultationSqliteSite site) : ConsultationSubmissionTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationSubmissionTests(ConsultationPostgresSite site) : ConsultationSubmissionTests(site);
