using System.Text.Json.Nodes;
using MedTour.Cms.Modules.Consultations.Routing;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>The routing ladder as a pure function over a table of cases (issue 8 §4).</summary>
public sealed class ConsultationRouterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private const string Inbox = "ukraine-inbox@medtour.example";

    // Modelled on the Ukrainian recipe's coordinators, plus one who arranges treatment in Germany and one inactive.
    private static readonly IReadOnlyList<Coordinator> Coordinators =
    [
        New("olena", ["ua", "md"], [], ["uk", "ru"], ["oncology", "hepatology"], 10),
        New("dmytro", ["ua", "pl", "ge"], [], ["uk", "ru", "en"], ["oncology", "radiotherapy", "surgery"], 5),
        New("mariia", ["ua", "kz", "az"], [], ["uk", "ru"], ["cardiology", "surgery"], 3),
        New("taras", ["ua"], ["de"], ["uk"], ["oncology"], 1),
        New("ivan", ["ua"], [], ["uk"], ["neurology"], 5, active: false),
        New("anna", ["de"], [], ["de"], ["neurology"], 5, region: "europe"),
    ];

    public static TheoryData<string, string?, string?, string?, string[], string?, string> Cases => new()
    {
        // patient country, destination, language, specialties, expected coordinator (null: inbox), rule
        { "all criteria", "ua", "de", "uk", ["oncology"], "taras", "destination+specialty+language" },
        { "destination without a language match", "ua", "de", "en", ["oncology"], "taras", "destination+specialty" },
        { "no destination: specialty and language, highest weight first", "ua", null, "uk", ["oncology"], "olena", "specialty+language" },
        { "specialty only one coordinator speaks", "ua", null, "en", ["surgery"], "dmytro", "specialty+language" },
        { "specialty nobody speaks the language of", "kz", null, "kk", ["cardiology"], "mariia", "specialty" },
        { "no specialty: patient country and language", "kz", null, "ru", [], "mariia", "country+language" },
        { "no specialty, unknown country: language", "fr", null, "en", [], "dmytro", "language" },
        { "nothing matches but the region", "fr", null, "fr", ["dermatology"], "olena", "region" },
        { "an inactive coordinator is never chosen", "ua", null, "uk", ["neurology"], "olena", "country+language" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_first_rung_with_a_pool_wins(string why, string? country, string? destination, string? language, string[] specialties, string? expected, string rule)
    {
        var decision = Route(new RoutingRequest("ukraine", country, destination, language, specialties.ToHashSet()), new Dictionary<string, int>());

        Assert.NotNull(decision);
        Assert.True(expected == decision.CoordinatorId, $"{why}: expected {expected}, got {decision.CoordinatorId} by {decision.Rule}");
        Assert.Equal(rule, decision.Rule);
    }

    [Fact]
    public void Inside_a_pool_requests_are_shared_in_proportion_to_weight()
    {
        var counts = new Dictionary<string, int>();
        var request = new RoutingRequest("ukraine", "ua", null, "ru", new HashSet<string>());
        for (var i = 0; i < 180; i++)
        {
            var chosen = Route(request, counts)!.CoordinatorId!;
            counts[chosen] = counts.GetValueOrDefault(chosen) + 1;
        }

        // olena 10, dmytro 5, mariia 3 (the "country+language" pool): 100, 50 and 30 of 180.
        Assert.Equal(100, counts["olena"]);
        Assert.Equal(50, counts["dmytro"]);
        Assert.Equal(30, counts["mariia"]);
    }

    [Fact]
    public void A_returning_patient_goes_to_the_same_coordinator_within_180_days_while_they_are_active()
    {
        var request = new RoutingRequest("ukraine", "ua", null, "uk", new HashSet<string> { "oncology" });
        var counts = new Dictionary<string, int> { ["mariia"] = 1000 };

        var returning = ConsultationRouter.Route(request, Coordinators, RoutingRule.DefaultLadder(Inbox), counts, new PreviousAssignment("mariia", Now.AddDays(-179)), Now)!;
        Assert.Equal(("mariia", ConsultationRouter.ReturningPatientRule), (returning.CoordinatorId, returning.Rule));

        var tooOld = ConsultationRouter.Route(request, Coordinators, RoutingRule.DefaultLadder(Inbox), counts, new PreviousAssignment("mariia", Now.AddDays(-181)), Now)!;
        Assert.Equal("olena", tooOld.CoordinatorId);

        var inactive = ConsultationRouter.Route(request, Coordinators, RoutingRule.DefaultLadder(Inbox), counts, new PreviousAssignment("ivan", Now.AddDays(-1)), Now)!;
        Assert.Equal("olena", inactive.CoordinatorId);
    }

    [Fact]
    public void A_region_without_active_coordinators_goes_to_the_regional_inbox_and_without_one_nowhere()
    {
        var request = new RoutingRequest("usa", "us", null, "en", new HashSet<string>());
        var decision = ConsultationRouter.Route(request, Coordinators, RoutingRule.DefaultLadder(Inbox), new Dictionary<string, int>(), null, Now)!;
        Assert.Equal((null, Inbox, "regional inbox"), (decision.CoordinatorId, decision.Email, decision.Rule));

        Assert.Null(ConsultationRouter.Route(request, Coordinators, [new RoutingRule("region", RoutingCriteria.None)], new Dictionary<string, int>(), null, Now));
    }

    [Fact]
    public void Reassignment_never_returns_to_a_coordinator_who_let_the_request_pass_its_deadline()
    {
        var request = new RoutingRequest("ukraine", "ua", "de", "uk", new HashSet<string> { "oncology" });
        var ladder = RoutingRule.DefaultLadder(Inbox);
        var none = new Dictionary<string, int>();

        var first = ConsultationRouter.Route(request, Coordinators, ladder, none, null, Now)!;
        var second = ConsultationRouter.Route(request, Coordinators, ladder, none, null, Now, new HashSet<string> { "taras" })!;
        var third = ConsultationRouter.Route(request, Coordinators, ladder, none, new PreviousAssignment("olena", Now.AddDays(-1)), Now, new HashSet<string> { "taras", "olena" })!;
        var last = ConsultationRouter.Route(request, Coordinators, ladder, none, null, Now, new HashSet<string> { "taras", "olena", "dmytro", "mariia" })!;

        Assert.Equal(("taras", "destination+specialty+language"), (first.CoordinatorId, first.Rule));
        Assert.Equal(("olena", "specialty+language"), (second.CoordinatorId, second.Rule));
        Assert.Equal(("dmytro", "specialty+language"), (third.CoordinatorId, third.Rule));
        Assert.Equal((null, "regional inbox"), (last.CoordinatorId, last.Rule));
    }

    // The recipes' shape: condition terms name their specialties (ADR 0034).
    private static readonly JsonObject[] ConditionTerms =
    [
        Term("term-condition-liver-metastasis", "Метастази в печінці", "term-specialty-oncology", "term-specialty-hepatology"),
        Term("term-condition-liver-cancer", "Первинний рак печінки", "term-specialty-oncology", "term-specialty-Hepatology"),
        Term("term-condition-melanoma", "Меланома", "term-specialty-oncology", "term-specialty-surgery"),
        Term("term-condition-rare", "Рідкісна хвороба"),
    ];

    private static readonly JsonObject[] SpecialtyTerms = [Term("term-specialty-cardiology", "Кардіологія")];

    public static TheoryData<string?, string[]> Conditions => new()
    {
        { "Метастази в печінці", ["term-specialty-oncology", "term-specialty-hepatology"] },
        { "  метастази   в ПЕЧІНЦІ. ", ["term-specialty-oncology", "term-specialty-hepatology"] },
        { "Метастази в печінці після раку кишки", ["term-specialty-oncology", "term-specialty-hepatology"] },
        { "меланома; первинний рак печінки", ["term-specialty-oncology", "term-specialty-hepatology", "term-specialty-surgery"] },
        { "term-condition-melanoma", ["term-specialty-oncology", "term-specialty-surgery"] },
        { "Кардіологія", ["term-specialty-cardiology"] },
        { "рак печінки", [] },
        { "Меланомами", [] },
        { "Рідкісна хвороба", [] },
        { "", [] },
        { null, [] },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_free_text_condition_maps_to_the_specialties_its_condition_term_names(string? condition, string[] expected)
    {
        var specialties = ConditionSpecialties.Map(condition, ConditionTerms, SpecialtyTerms);

        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), specialties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_condition_from_an_article_reaches_the_specialty_rungs_of_the_ladder()
    {
        var specialties = ConditionSpecialties.Map("Метастази в печінці", ConditionTerms, SpecialtyTerms);
        Coordinator[] coordinators =
        [
            New("term-olena", ["ua"], [], ["uk"], ["term-specialty-hepatology"], 1),
            New("term-mariia", ["ua"], [], ["uk"], ["term-specialty-cardiology"], 10),
        ];

        var decision = ConsultationRouter.Route(new RoutingRequest("ukraine", "ua", null, "uk", specialties), coordinators, RoutingRule.DefaultLadder(Inbox), new Dictionary<string, int>(), null, Now)!;

        Assert.Equal(("term-olena", "specialty+language"), (decision.CoordinatorId, decision.Rule));
    }

    private static JsonObject Term(string id, string name, params string[] specialties) => new()
    {
        ["ContentItemId"] = id,
        ["DisplayText"] = name,
        ["Condition"] = new JsonObject { ["Specialties"] = new JsonObject { ["TermContentItemIds"] = new JsonArray([.. specialties.Select(s => (JsonNode)s)]) } },
    };

    private static RoutingDecision? Route(RoutingRequest request, IReadOnlyDictionary<string, int> counts) =>
        ConsultationRouter.Route(request, Coordinators, RoutingRule.DefaultLadder(Inbox), counts, null, Now);

    private static Coordinator New(string id, string[] countries, string[] destinations, string[] languages, string[] specialties, int weight, bool active = true, string region = "ukraine") =>
        new(id, id + "@medtour.example", new HashSet<string> { region }, countries.ToHashSet(), destinations.ToHashSet(), languages.ToHashSet(), specialties.ToHashSet(), weight, active);
}
