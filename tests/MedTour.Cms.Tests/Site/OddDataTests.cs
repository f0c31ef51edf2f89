using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Site;

/// <summary>
/// Stored values that are valid JSON but odd (a date "2024-5-1", numbers where strings belong, empty pickers, pickers
/// to removed items, null parts, objects where arrays belong) never turn a public page into a 500.
/// </summary>
public abstract class OddDataTests(SiteFixture site)
{
    private const string OddContent = """
        {"name":"Content","data":[
          {"ContentItemId":"taxonomy-countries","ContentType":"Taxonomy","Published":true,"TitlePart":{"Title":"Countries"},"AutoroutePart":{"Path":"countries"},
           "TaxonomyPart":{"TermContentType":"Country","Terms":[
             {"ContentItemId":"t-de","ContentType":"Country","DisplayText":"Germany","TitlePart":{"Title":"Germany"},"AutoroutePart":{"Path":"countries/germany"}},
             {"ContentType":"Country","DisplayText":42},
             {"ContentItemId":"t-nopath","ContentType":"Country","TitlePart":{"Title":7}}]}},
          {"ContentItemId":"taxonomy-specialties","ContentType":"Taxonomy","Published":true,"TitlePart":{"Title":"Specialties"},"AutoroutePart":{"Path":"specialties"},
           "TaxonomyPart":{"TermContentType":"Specialty","Terms":{"not":"an array"}}},
          {"ContentItemId":"taxonomy-conditions","ContentType":"Taxonomy","Published":true,"TitlePart":{"Title":"Conditions"},"AutoroutePart":{"Path":"conditions"},
           "TaxonomyPart":null},
          {"ContentItemId":"p1","ContentType":"Person","Published":true,"TitlePart":{"Title":"Odd Person"},"AutoroutePart":{"Path":"odd/person"},"LocalizationPart":{"Culture":"en"},
           "Person":{"Credentials":{"Text":""},"Roles":{"Values":[]},"Photo":{"Paths":[]},"Bio":{"Html":""}}},
          {"ContentItemId":"d-gone","ContentType":"Doctor","Published":true,"TitlePart":{"Title":"Removed Doctor"},"AutoroutePart":{"Path":"odd/removed-doctor"},"LocalizationPart":{"Culture":"en"}},
          {"ContentItemId":"c-gone","ContentType":"Clinic","Published":true,"TitlePart":{"Title":"Removed Clinic"},"AutoroutePart":{"Path":"odd/removed-clinic"},"LocalizationPart":{"Culture":"en"}},
          {"ContentItemId":"d1","ContentType":"Doctor","Published":true,"TitlePart":{"Title":"Odd Doctor"},"AutoroutePart":{"Path":"odd/doctor"},"LocalizationPart":{"Culture":"en","LocalizationSet":77},
           "Doctor":{"Clinic":{"ContentItemIds":["c-gone"]},"Specialties":{"TaxonomyContentItemId":"taxonomy-specialties","TermContentItemIds":["t-none"]},
                     "Languages":{"Values":[]},"YearsOfExperience":{"Value":null},"Photo":{"Paths":[]},"Bio":{"Html":null}}},
          {"ContentItemId":"c1","ContentType":"Clinic","Published":true,"TitlePart":{"Title":"Odd Clinic"},"AutoroutePart":{"Path":"odd/clinic"},"LocalizationPart":{"Culture":"en"},
           "Clinic":{"Country":{"TaxonomyContentItemId":"taxonomy-countries","TermContentItemIds":["t-de","t-removed"]},"Specialties":{"TaxonomyContentItemId":5,"TermContentItemIds":[]},
                     "Treatments":{"ContentItemIds":[]},"Photos":{"Paths":[],"MediaTexts":[7]},"Accreditations":{"Values":[]},"City":{"Text":null}},
           "HtmlBodyPart":{"Html":null}},
          {"ContentItemId":"a1","ContentType":"Article","Published":true,"TitlePart":{"Title":"Odd Article"},"AutoroutePart":{"Path":"odd/article"},"LocalizationPart":{"Culture":"en"},
           "Article":{"Summary":{"Text":"An odd one"},"MedicalAuthor":{"ContentItemIds":["p1"]},"MedicalEditor":{"ContentItemIds":[]},"LastReviewed":{"Value":"2024-5-1"},
                      "RelatedClinics":{"ContentItemIds":["c-gone","c1"]},"RelatedDoctors":{"ContentItemIds":["d-gone","never-was"]},"Treatments":{},
                      "HeroImage":{"Paths":[]},"Conditions":{"TaxonomyContentItemId":"taxonomy-conditions","TermContentItemIds":["t-none"]}},
           "SeoMetaPart":{"PageTitle":42,"MetaDescription":["not","a","string"],"Keywords":{"a":1}},
           "HtmlBodyPart":{"Html":"<p>Odd body</p>[clinic_card id=\"c-gone\"][clinic_card]"}},
          {"ContentItemId":"a2","ContentType":"Article","Published":true,"TitlePart":{"Title":"Null Parts Article"},"AutoroutePart":{"Path":"odd/nulls"},"LocalizationPart":{"Culture":"en"},
           "Article":{"Summary":{"Text":"Nulls"},"MedicalAuthor":{"ContentItemIds":["p1","d-gone"]},"LastReviewed":{"Value":null}},
           "SeoMetaPart":null,"HtmlBodyPart":{"Html":5}},
          {"ContentItemId":"t1","ContentType":"Treatment","Published":true,"TitlePart":{"Title":"Odd Treatment"},"AutoroutePart":{"Path":"odd/treatment"},"LocalizationPart":{"Culture":"en"},
           "Treatment":{"Summary":{"Text":null},"Countries":{"TaxonomyContentItemId":"taxonomy-countries","TermContentItemIds":[]}}}
        ]}
        """;

    private static readonly string[] ItemPages = ["odd/article", "odd/nulls", "odd/clinic", "odd/doctor", "odd/person", "odd/treatment", "countries", "countries/germany", "specialties", "conditions"];

    private static readonly string[] OtherPages =
        ["", "articles", "clinics", "clinics?country=t-de", "doctors", "doctors?clinic=c1", "treatments", "search?q=odd", "sitemap.xml", "robots.txt", "odd/removed-doctor"];

    [Fact]
    public async Task Every_page_of_a_tenant_with_odd_stored_values_answers_without_a_server_error()
    {
        var tenant = await site.NewTenantAsync("odd", "medtour-content-types", OddContent);
        try
        {
            await using (var scope = site.TenantScope(tenant))
            {
                var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
                await content.RemoveAsync((await content.GetAsync("d-gone"))!);
                await content.RemoveAsync((await content.GetAsync("c-gone"))!);
            }

            var problems = new List<string>();
            foreach (var path in ItemPages)
            {
                var page = await site.GetAsync($"/{tenant}/{path}");
                if (page.Status != HttpStatusCode.OK)
                {
                    problems.Add($"/{path}: {(int)page.Status}");
                }
            }

            foreach (var path in OtherPages)
            {
                var page = await site.GetAsync($"/{tenant}/{path}");
                if ((int)page.Status >= 500)
                {
                    problems.Add($"/{path}: {(int)page.Status}");
                }
            }

            ThemeSite.AssertNoProblems(problems);
            var article = await site.GetAsync($"/{tenant}/odd/article");
            Assert.Contains("\"lastReviewed\":\"2024-05-01\"", article.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{tenant}/odd/removed-doctor")).Status);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OddDataSqliteTests(SqliteSite site) : OddDataTests(site);

[Collection(PostgresCollection.Name)]
public sealed class OddDataPostgresTests(PostgresSite site) : OddDataTests(site);
