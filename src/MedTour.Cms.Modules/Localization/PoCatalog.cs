using System.Collections.Concurrent;
using System.Text;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Localization;

/// <summary>
/// Theme strings translated in gettext PO files (<c>themes/{Theme}/Localization/{culture}.po</c>), as Orchard does.
/// Loaded once per theme and culture. Singleton, thread-safe; a missing translation falls back to the msgid.
/// </summary>
public sealed class PoCatalog(AppPaths paths)
{
    private readonly ConcurrentDictionary<(string Theme, string Culture), IReadOnlyDictionary<string, string>> _catalogs = new();

    public string Translate(string theme, string culture, string text)
    {
        var catalog = _catalogs.GetOrAdd((theme, culture), key => Load(Path.Combine(paths.Themes, key.Theme, "Localization", key.Culture + ".po")));
        return catalog.TryGetValue(text, out var translated) && translated.Length > 0 ? translated : text;
    }

    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        StringBuilder? id = null, text = null, current = null;
        foreach (var raw in lines.Append(string.Empty))
        {
            var line = raw.Trim();
            if (line.StartsWith("msgid ", StringComparison.Ordinal))
            {
                Add(entries, id, text);
                id = new StringBuilder(Unquote(line[6..]));
                text = null;
                current = id;
            }
            else if (line.StartsWith("msgstr ", StringComparison.Ordinal))
            {
                text = new StringBuilder(Unquote(line[7..]));
                current = text;
            }
            else if (line.StartsWith('"') && current is not null)
            {
                current.Append(Unquote(line));
            }
            else if (line.Length == 0 || line.StartsWith('#'))
            {
                current = null;
            }
        }

        Add(entries, id, text);
        return entries;
    }

    private static void Add(Dictionary<string, string> entries, StringBuilder? id, StringBuilder? text)
    {
        if (id is { Length: > 0 } && text is not null)
        {
            entries[id.ToString()] = text.ToString();
        }
    }

    private static string Unquote(string value) =>
        value.Trim().Trim('"').Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, string> Load(string file) =>
        File.Exists(file) ? Parse(File.ReadLines(file)) : new Dictionary<string, string>();
}
