using System.Net;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary><c>submitForm</c>: the consultation form through GraphQL, with the REST endpoint's pipeline, validation and storage.</summary>
public abstract class GraphQLSubmitFormTests(SiteFixture site)
{
    private const string Mutation = """
        mutation Send($form: String!, $values: [FormValueInput!]!) { submitForm(form: $form, values: $values) { reference message } }
        """;

    private static int _address;

    private GraphClient Client() => new(site, "/ua", address: $"10.7.{Interlocked.Increment(ref _address) / 250}.{(_address % 250) + 1}");

    private static object[] Values(Dictionary<string, string> values) => [.. values.Select(object (v) => new { name = v.Key, value = v.Value })];

    [Fact]
    public async Task A_valid_submission_gets_a_reference_and_is_stored_with_its_event()
    {
        var before = await site.CountsAsync();
        var data = (await Client().PostAsync(Mutation, new { form = "form-consultation", values = Values(ConsultationForm.ValidUkrainian()) })).Ok();
        var reference = data["submitForm"]!["reference"]!.GetValue<string>();
        Assert.StartsWith("UA-", reference, StringComparison.Ordinal);
        Assert.NotNull(await site.SubmissionAsync(reference));
        var after = await site.CountsAsync();
        Assert.Equal(before.Submissions + 1, after.Submissions);
        Assert.Equal(before.Events + 1, after.Events);

        // By the form's path, as the REST endpoint accepts it.
        var byPath = (await Client().PostAsync(Mutation, new { form = "consultation", values = Values(ConsultationForm.ValidUkrainian()) })).Ok();
        Assert.StartsWith("UA-", byPath["submitForm"]!["reference"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_fields_are_errors_naming_each_field_in_the_sites_language_and_nothing_is_stored()
    {
        var values = ConsultationForm.ValidUkrainian();
        values["phone"] = "000";
        values.Remove("consent");
        values["name"] = "<img src=x onerror=alert(1)>";
        var before = await site.CountsAsync();
        var answer = await Client().PostAsync(Mutation, new { form = "form-consultation", values = Values(values) });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Data is { } d && d["submitForm"] is null, answer.Body);
        Assert.All(answer.Errors!, e => Assert.True(e?["extensions"]?["field"] is not null, answer.Body));
        var errors = answer.Errors!.Select(e => e!).ToList();
        Assert.Equal(["consent", "name", "phone"], errors.Select(e => e["extensions"]!["field"]!.GetValue<string>()).Order());
        Assert.All(errors, e => Assert.Equal("INVALID_SUBMISSION", e["extensions"]!["code"]!.GetValue<string>()));
        Assert.Contains(errors, e => e["message"]!.GetValue<string>().StartsWith("phone: ", StringComparison.Ordinal)
            && e["message"]!.GetValue<string>().Contains("введіть правильний номер телефону", StringComparison.Ordinal));
        Assert.Equal(before, await site.CountsAsync());
    }

    [Fact]
    public async Task An_unknown_form_a_GET_and_a_missing_argument_store_nothing_and_are_never_500()
    {
        var before = await site.CountsAsync();
        var unknown = await Client().PostAsync(Mutation, new { form = "no-such-form", values = Values(ConsultationForm.ValidUkrainian()) });
        Assert.Equal("FORM_NOT_FOUND", unknown.Errors![0]!["extensions"]!["code"]!.GetValue<string>());

        var get = await Client().GetAsync("query=" + Uri.EscapeDataString("""mutation { submitForm(form: "form-consultation", values: [{ name: "name", value: "Олена" }]) { reference } }"""));
        Assert.True(get.Status is HttpStatusCode.OK or HttpStatusCode.MethodNotAllowed, get.Body);
        Assert.Equal("METHOD_NOT_ALLOWED", get.Errors![0]!["extensions"]!["code"]!.GetValue<string>());

        var missing = await Client().PostAsync("mutation { submitForm(form: \"form-consultation\") { reference } }", invalid: true);
        Assert.NotNull(missing.FirstError);
        Assert.Equal(before, await site.CountsAsync());
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class GraphQLSubmitFormSqliteTests(ConsultationSqliteSite site) : GraphQLSubmitFormTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class GraphQLSubmitFormPostgresTests(ConsultationPostgresSite site) : GraphQLSubmitFormTests(site);
