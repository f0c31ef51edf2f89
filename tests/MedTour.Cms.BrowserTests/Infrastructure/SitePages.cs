namespace MedTour.Cms.BrowserTests.Infrastructure;

/// <summary>One page a patient can open: a key for test names and screenshot files, its path and the status it answers with.</summary>
public sealed record SitePage(string Key, string Type, string Path, int Status = 200);

/// <summary>
/// Every public page type of the recipes' sites, in the Europe and Ukraine regions (and USA for the main ones),
/// the article in both Ukraine cultures (uk at /ua/, ru at /ua/ru/).
/// </summary>
public static class SitePages
{
    public static readonly IReadOnlyList<SitePage> All =
    [
        new("root-region-chooser", "region chooser", "/"),

        new("eu-home", "home", "/eu/"),
        new("eu-article", "article", "/eu/liver-metastasis"),
        new("eu-articles", "articles list", "/eu/articles"),
        new("eu-clinics", "clinics list", "/eu/clinics"),
        new("eu-clinics-filtered", "clinics list (filtered)", "/eu/clinics?country=term-country-germany"),
        new("eu-doctors", "doctors list", "/eu/doctors"),
        new("eu-treatments", "treatments list", "/eu/treatments"),
        new("eu-clinic", "clinic", "/eu/clinics/isar-tumor-center"),
        new("eu-doctor", "doctor", "/eu/doctors/matthias-brenner"),
        new("eu-treatment", "treatment", "/eu/treatments/radioembolization"),
        new("eu-term", "term", "/eu/conditions/liver-metastasis"),
        new("eu-search", "search", "/eu/search?q=liver"),
        new("eu-consultation", "consultation", "/eu/consultation"),
        new("eu-not-found", "404", "/eu/no-such-page", 404),

        new("ua-uk-home", "home", "/ua/"),
        new("ua-ru-home", "home", "/ua/ru/"),
        new("ua-uk-article", "article", "/ua/metastazy-v-pechintsi"),
        new("ua-ru-article", "article", "/ua/ru/metastazy-v-pecheni"),
        new("ua-uk-clinics", "clinics list", "/ua/clinics"),
        new("ua-uk-doctors", "doctors list", "/ua/doctors"),
        new("ua-uk-treatments", "treatments list", "/ua/treatments"),
        new("ua-uk-clinic", "clinic", "/ua/kliniky/verba"),
        new("ua-uk-doctor", "doctor", "/ua/likari/viktor-savchuk"),
        new("ua-uk-treatment", "treatment", "/ua/likuvannia/radioembolizatsiia"),
        new("ua-uk-term", "term", "/ua/zakhvoriuvannia/metastazy-v-pechintsi"),
        new("ua-uk-search", "search", "/ua/search?q=%D0%BF%D0%B5%D1%87%D1%96%D0%BD%D0%BA"),
        new("ua-ru-consultation", "consultation", "/ua/ru/consultation"),
        new("ua-uk-not-found", "404", "/ua/no-such-page", 404),

        new("us-home", "home", "/us/"),
        new("us-article", "article", "/us/liver-metastasis"),
        new("us-clinics", "clinics list", "/us/clinics"),
        new("us-clinic", "clinic", "/us/clinics/isar-tumor-center"),
        new("us-treatment", "treatment", "/us/treatments/cyberknife"),
    ];

    /// <summary>Theory data: page keys (strings, so each page is a test case of its own in the results).</summary>
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var page in All)
        {
            data.Add(page.Key);
        }

        return data;
    }

    public static SitePage Get(string key) => All.Single(p => p.Key == key);
}
