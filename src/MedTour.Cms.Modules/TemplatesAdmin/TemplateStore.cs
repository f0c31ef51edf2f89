using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.TemplatesAdmin;

/// <summary>
/// The tenant's template overrides as the admin sees them: the theme's views, which of them are overridden, each
/// override's history. Overrides stay in Orchard's Templates document (what the recipe step and the export read and
/// write); the history is a document of its own. A source is parsed by Fluid before anything is written. Scoped.
/// </summary>
public sealed class TemplateStore(
    TemplateOverrides overrides,
    DocumentStore documents,
    LiquidEngine liquid,
    AppPaths paths,
    CurrentTenant tenant,
    UnitOfWork unitOfWork,
    TenantChangeNotifier changes,
    TimeProvider clock)
{
    public const string HistoryDocument = "TemplateHistory";
    private const int KeptVersions = 20;

    /// <summary>The theme's view names (<c>Content-Article</c>, <c>Widget-Footer</c>…), sorted.</summary>
    public IReadOnlyList<string> ThemeViews()
    {
        var folder = Path.Combine(paths.Themes, tenant.Settings.Theme, "Views");
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')[..^".liquid".Length])
                .Order(StringComparer.Ordinal)]
            : [];
    }

    public string? ThemeSource(string name)
    {
        var file = Path.Combine(paths.Themes, tenant.Settings.Theme, "Views", name + ".liquid");
        return ThemePaths.IsSafe(name) && File.Exists(file) ? File.ReadAllText(file) : null;
    }

    public async Task<IReadOnlyDictionary<string, TemplateSource>> OverridesAsync() =>
        await documents.GetAsync<Dictionary<string, TemplateSource>>(TemplateOverrides.DocumentName) ?? [];

    public async Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name) =>
        (await documents.GetAsync<Dictionary<string, List<TemplateVersion>>>(HistoryDocument))?.GetValueOrDefault(name) ?? [];

    /// <summary>Null when the source parses; else Fluid's error with its line and column.</summary>
    public LiquidError? Check(string name, string content)
    {
        try
        {
            liquid.Parse(content, name);
            return null;
        }
        catch (LiquidSyntaxException e)
        {
            return LiquidError.From(e.Message);
        }
    }

    /// <summary>Saves a source that <see cref="Check"/> accepted, and records it in the history, in one transaction.</summary>
    public async Task SaveAsync(string name, string content, string? description, string user)
    {
        await using var transaction = await unitOfWork.BeginAsync();
        await overrides.SaveAsync(new Dictionary<string, TemplateSource> { [name] = new TemplateSource(content, description) });
        var history = new Dictionary<string, List<TemplateVersion>>(await documents.GetAsync<Dictionary<string, List<TemplateVersion>>>(HistoryDocument) ?? [], StringComparer.Ordinal);
        List<TemplateVersion> versions = [new TemplateVersion(content, description, clock.GetUtcNow().UtcDateTime, user), .. history.GetValueOrDefault(name) ?? []];
        history[name] = versions.Take(KeptVersions).ToList();
        await documents.SaveAsync(HistoryDocument, history);
        await changes.NotifyAfterCommitAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Drops the override: the theme's own view applies again (the history stays, so it can be restored).</summary>
    public async Task RemoveAsync(string name)
    {
        await using var transaction = await unitOfWork.BeginAsync();
        var all = new Dictionary<string, TemplateSource>(await OverridesAsync(), StringComparer.Ordinal);
        if (all.Remove(name))
        {
            await documents.SaveAsync(TemplateOverrides.DocumentName, all);
            await changes.NotifyAfterCommitAsync();
        }

        await transaction.CommitAsync();
    }
}
