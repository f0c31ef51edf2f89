using System.Collections.Concurrent;
using System.Globalization;

namespace MedTour.Cms.Modules.Localization;

/// <summary>
/// Language codes as their speakers write them (uk → Українська), capitalized for the page's culture. Culture
/// data look-ups take a lock, so the few codes in use are remembered. Singleton, thread-safe.
/// </summary>
public sealed class LanguageNames
{
    private readonly ConcurrentDictionary<(string Code, string Culture), string> _names = new();

    public string Of(string code, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return _names.GetOrAdd((code, culture.Name), key => Find(key.Code, CultureInfo.GetCultureInfo(key.Culture)));
    }

    private static string Find(string code, CultureInfo culture)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code, predefinedOnly: true).NativeName;
            return name.Length == 0 ? code : char.ToUpper(name[0], culture) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
