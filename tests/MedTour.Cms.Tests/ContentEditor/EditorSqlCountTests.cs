using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.ContentEditor;

/// <summary>Save + publish of an article costs a fixed number of SQL statements, whatever the article holds.</summary>
public abstract class EditorSqlCountTests(SiteFixture site)
{
    private const string Tenant = "ukraine";

    /// <summary>
    /// The POST that creates and publishes an article: the user's account, roles and permissions (3), the picked items
    /// and the taxonomy in one query (1), the unique-id check (1), the path check (1), the three index deletes (3), the
    /// inserts (with the audit trail's event and the search index's task) and the change stamp. PostgreSQL sends the
    /// inserts as one batch; SQLite one command per row (version, route, localization, field index, audit, indexing task).
    /// </summary>
    protected abstract int Expected { get; }

    [Fact]
    public async Task Creating_and_publishing_an_article_costs_a_fixed_number_of_statements()
    {
        using var editor = await site.SignInAsNewUserAsync(Tenant, DefaultRoles.Editor);
        var counts = new List<int>();
        var texts = new List<IReadOnlyList<string>>();
        foreach (var title in new[] { "Перша стаття для підрахунку", "Друга стаття для підрахунку з довшою назвою", "Третя" })
        {
            var form = ContentEditorTests.Fill(await EditorForm.OpenAsync(editor, "/admin/content/Article/create"), title, Articles.UniquePath("sql"));
            using var counter = new SqlCommandCounter(site, requestsOnly: true);
            using var response = await form.SubmitAsync(editor, "publish");
            EditorForm.EditedId(response);
            counts.Add(counter.Of(Tenant));
            texts.Add(counter.Texts(Tenant));
        }

        // Fixed: the same for a short and a long title. One more is allowed when a cached tenant document (the content
        // definition) had to be read again during that request: it happened once in a loaded full run.
        Assert.True(counts.All(count => count >= Expected && count <= Expected + 1),
            $"statements per publish: {string.Join(", ", counts)} (expected {Expected}); those of the largest:\n{string.Join("\n", texts[counts.IndexOf(counts.Max())])}");
        Assert.Contains(Expected, counts);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEditorSqlCountTests(SqliteSite site) : EditorSqlCountTests(site)
{
    protected override int Expected => 22;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresEditorSqlCountTests(PostgresSite site) : EditorSqlCountTests(site)
{
    // 11 before issue 8, plus the read of the tenant's workflow types (is there a ContentPublished workflow to raise an event for?).
    protected override int Expected => 12;
}
