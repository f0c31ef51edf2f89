using System.Net;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>The consultation form opened from an article carries the article's condition into the form's condition field.</summary>
public abstract class ConsultationPrefillTests(SiteFixture site)
{
    [Theory]
    [InlineData("/ua/metastazy-v-pechintsi")]
    [InlineData("/ua/ru/metastazy-v-pecheni")]
    [InlineData("/eu/liver-metastasis")]
    public async Task Each_call_to_action_of_an_article_opens_the_form_with_the_article_s_condition_filled_in(string article)
    {
        using var client = site.ClientFrom("10.6.0.1");
        var page = ConsultationForm.Parse(await client.GetStringAsync(new Uri(article, UriKind.Relative)));
        var condition = page.QuerySelector("ul.tags li a")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(condition), $"{article} shows no condition term");
        var links = page.QuerySelectorAll("aside.cta a.cta-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.Contains("?condition=", link, StringComparison.Ordinal);
            var form = await ConsultationForm.OpenAsync(client, link);
            Assert.Equal(condition, form.Page.QuerySelector("#field-condition")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task A_condition_in_the_link_prefills_the_field_only_when_the_field_would_accept_it()
    {
        using var client = site.ClientFrom("10.6.0.2");
        Assert.Equal("Рак печінки", await ConditionShownAsync(client, "/ua/consultation?condition=" + Uri.EscapeDataString("Рак печінки")));
        Assert.Equal(string.Empty, await ConditionShownAsync(client, "/ua/consultation?condition=" + Uri.EscapeDataString("<script>alert(1)</script>")));
        Assert.Equal(string.Empty, await ConditionShownAsync(client, "/ua/consultation?condition=" + new string('a', 201)));
        Assert.Equal(string.Empty, await ConditionShownAsync(client, "/ua/consultation"));
        // Other fields declare no prefill: a parameter named after them is dropped.
        using var response = await client.GetAsync(new Uri("/ua/consultation?message=hello&email=a%40b.c", UriKind.Relative));
        var page = ConsultationForm.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(string.Empty, page.QuerySelector("#field-message")!.TextContent);
        Assert.Equal(string.Empty, page.QuerySelector("#field-email")!.GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task A_page_that_is_not_a_form_answers_the_same_with_a_condition_in_its_query()
    {
        using var client = site.ClientFrom("10.6.0.3");
        using var plain = await client.GetAsync(new Uri("/ua/metastazy-v-pechintsi", UriKind.Relative));
        using var withQuery = await client.GetAsync(new Uri("/ua/metastazy-v-pechintsi?condition=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
        var h1 = ConsultationForm.Parse(await plain.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent;
        Assert.Equal(h1, ConsultationForm.Parse(await withQuery.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent);
    }

    private static async Task<string> ConditionShownAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ConsultationForm.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#field-condition")!.GetAttribute("value") ?? string.Empty;
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationPrefillTests(ConsultationSqliteSite site) : ConsultationPrefillTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationPrefillTests(ConsultationPostgresSite site) : ConsultationPrefillTests(site);
