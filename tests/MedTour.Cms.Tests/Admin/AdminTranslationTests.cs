using System.Text.RegularExpressions;
using MedTour.Cms.Modules.Localization;

namespace MedTour.Cms.Tests.Admin;

/// <summary>Every admin string in the code (<c>A.T("…")</c>, <c>T("…")</c>, menu item texts) has a Ukrainian and a Russian translation.</summary>
public sealed partial class AdminTranslationTests
{
    [Theory]
    [InlineData("uk")]
    [InlineData("ru")]
    public void Every_admin_string_is_translated(string culture)
    {
        var modules = Path.Combine(RepoRoot(), "src", "MedTour.Cms.Modules");
        var catalog = Directory.EnumerateFiles(modules, $"admin.{culture}.po", SearchOption.AllDirectories)
            .SelectMany(f => PoCatalog.Parse(File.ReadLines(f)))
            .Where(e => e.Value.Length > 0)
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(modules, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(modules, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal));
        var missing = sources
            .SelectMany(f => AdminString().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: Regex.Unescape(m.Groups["text"].Value))))
            .Where(s => !catalog.Contains(s.Text))
            .Select(s => $"{s.File}: \"{s.Text}\"")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"admin.{culture}.po lacks:\n{string.Join('\n', missing)}");
    }

    [GeneratedRegex("""(?:\bA\.T\(|\bAdmin\.T\(|new AdminMenuItem\()"(?<text>(?:[^"\\]|\\.)+)"(?=[,)])""")]
    private static partial Regex AdminString();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedTour.Cms.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MedTour.Cms.sln not found above the test binaries.");
    }
}
