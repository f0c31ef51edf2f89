namespace MedTour.Cms.Modules.SearchAdmin;

/// <summary>The query tester's form: plain words as the search page takes them (<c>mode=q</c>) or an Orchard JSON DSL query (<c>mode=dsl</c>).</summary>
public sealed record QueryTestForm(string Mode, string Q, string Culture, string Dsl)
{
    public const int MaxDslLength = 20_000;

    public static QueryTestForm Empty(string culture) => new("q", string.Empty, culture, "{\n  \"query\": { \"match\": { \"Content.ContentItem.FullText\": \"\" } },\n  \"size\": 10\n}");
}

/// <summary>One document the tester found: its stored id, type and title, and for plain words the highlighted snippet.</summary>
public sealed record QueryTestHit(string ContentItemId, string ContentType, string Title, string? SnippetHtml, float? Score);

/// <summary>What the tester shows: the hits, how many matched in all, and the server time of the query.</summary>
public sealed record QueryTestResult(int Total, IReadOnlyList<QueryTestHit> Hits, double Milliseconds, string? Note);
