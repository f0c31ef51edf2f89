using System.Collections.Concurrent;
using System.Globalization;
using MedTour.Cms.Modules.Localization;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// The admin's strings in Ukrainian and Russian: every module's <c>Localization/admin.{culture}.po</c>, copied to
/// <c>admin-localization/</c> beside the binaries and merged per culture. Singleton; English is the msgid.
/// </summary>
public sealed class AdminText
{
    public static readonly IReadOnlyList<string> Cultures = ["en", "uk", "ru"];

    private readonly string _folder = Path.Combine(AppContext.BaseDirectory, "admin-localization");
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _catalogs = new(StringComparer.Ordinal);

    public string Translate(string culture, string text, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(text);
        var catalog = _catalogs.GetOrAdd(culture, Load);
        var translated = catalog.TryGetValue(text, out var value) && value.Length > 0 ? value : text;
        return args.Length == 0 ? translated : string.Format(CultureInfo.GetCultureInfo(culture), translated, args);
    }

    private IReadOnlyDictionary<string, string> Load(string culture)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        if (culture == "en" || !Directory.Exists(_folder))
        {
            return merged;
        }

        foreach (var file in Directory.EnumerateFiles(_folder, $"admin.{culture}.po", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var (id, text) in PoCatalog.Parse(File.ReadLines(file)))
            {
                merged[id] = text;
            }
        }

        return merged;
    }
}
