using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>The headless API: the same form, validation and reference as the page, answered in JSON and problem+json.</summary>
public abstract class ConsultationApiTests(SiteFixture site)
{
    private static int _address;

    [Fact]
    public async Task A_JSON_submission_gets_a_reference_and_is_stored_with_its_event()
    {
        using var client = site.ClientFrom(NextAddress());
        var before = await site.CountsAsync();
        using var response = await client.PostAsJsonAsync("/ua/api/forms/form-consultation/submissions", ConsultationForm.ValidUkrainian());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Assert.StartsWith("UA-", reference, StringComparison.Ordinal);
        Assert.NotNull(await site.SubmissionAsync(reference));
        var after = await site.CountsAsync();
        Assert.Equal(before.Submissions + 1, after.Submissions);
        Assert.Equal(before.Events + 1, after.Events);
    }

    [Fact]
    public async Task A_multipart_submission_with_a_PDF_by_the_forms_path_is_stored_with_its_file()
    {
        using var client = site.ClientFrom(NextAddress());
        var before = await site.CountsAsync();
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in ConsultationForm.ValidUkrainian())
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(ConsultationForm.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "files", "report.pdf");
        using var response = await client.PostAsync(new Uri("/ua/api/forms/consultation/submissions", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(before.Files + 1, (await site.CountsAsync()).Files);
    }

    [Fact]
    public async Task Bad_fields_get_a_problem_naming_each_field_in_the_sites_language_and_nothing_is_stored()
    {
        using var client = site.ClientFrom(NextAddress());
        var values = ConsultationForm.ValidUkrainian();
        values["phone"] = "000";
        values.Remove("consent");
        values["name"] = "<img src=x onerror=alert(1)>";
        var before = await site.CountsAsync();
        using var response = await client.PostAsJsonAsync("/ua/api/forms/form-consultation/submissions", values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["consent", "name", "phone"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("введіть правильний номер телефону", errors.GetProperty("phone")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await site.CountsAsync());
    }

    [Fact]
    public async Task A_fake_PDF_an_unknown_form_and_an_unreadable_body_are_4xx_never_500()
    {
        using var client = site.ClientFrom(NextAddress());
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in ConsultationForm.ValidUkrainian())
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent("<html>not a pdf</html>"u8.ToArray()), "files", "report.pdf");
        using var fake = await client.PostAsync(new Uri("/ua/api/forms/form-consultation/submissions", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.True((await fake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("files", out _));

        using var unknown = await client.PostAsJsonAsync("/ua/api/forms/no-such-form/submissions", ConsultationForm.ValidUkrainian());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var broken = await client.PostAsync(new Uri("/ua/api/forms/form-consultation/submissions", UriKind.Relative),
            new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"10.4.{n / 250}.{(n % 250) + 1}";
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationApiTests(ConsultationSqliteSite site) : ConsultationApiTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationApiTests(ConsultationPostgresSite site) : ConsultationApiTests(site);
