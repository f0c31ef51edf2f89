using System.Text;

namespace MedTour.Cms.Display;

/// <summary>
/// Cyrillic to Latin letters for URL paths. Ukrainian follows the official table of the Cabinet of Ministers'
/// resolution No. 55 of 27 January 2010 (є, ї, й, ю, я spelled ye, yi, y, yu, ya at the start of a word and ie, i, i,
/// iu, ia elsewhere; "зг" is "zgh"; ь and the apostrophe are dropped). Russian follows ICAO Doc 9303, the scheme of
/// Russian passports (ё e, й i, ъ ie, ы y, ь dropped, э e, ю iu, я ia). Other characters are left as they are.
/// Stateless.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Ukrainian = Table(
        "а a б b в v г h ґ g д d е e є ie ж zh з z и y і i ї i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ь _ ю iu я ia");

    private static readonly Dictionary<char, string> UkrainianInitial = Table("є ye ї yi й y ю yu я ya");

    private static readonly Dictionary<char, string> Russian = Table(
        "а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ ie ы y ь _ э e ю iu я ia");

    /// <summary>True when the text has a Cyrillic letter.</summary>
    public static bool HasCyrillic(string text) => text.Any(IsCyrillic);

    /// <summary>
    /// The text in Latin letters, by the scheme of <paramref name="culture"/> (<c>uk</c>, <c>ru</c>); for another or no
    /// culture, Ukrainian when the text has a letter only Ukrainian uses (і, ї, є, ґ), else Russian.
    /// </summary>
    public static string ToLatin(string text, string? culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ukrainian = IsUkrainian(text, culture);
        var table = ukrainian ? Ukrainian : Russian;
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (IsApostrophe(c) && i > 0 && i + 1 < text.Length && IsCyrillic(text[i - 1]) && IsCyrillic(text[i + 1]))
            {
                continue;
            }

            if (!table.TryGetValue(lower, out var latin))
            {
                builder.Append(c);
                continue;
            }

            var initial = i == 0 || !(char.IsLetter(text[i - 1]) || IsApostrophe(text[i - 1]));
            if (ukrainian && initial && UkrainianInitial.TryGetValue(lower, out var atStart))
            {
                latin = atStart;
            }
            else if (ukrainian && lower == 'г' && i > 0 && char.ToLowerInvariant(text[i - 1]) == 'з')
            {
                latin = "gh";
            }

            if (latin == "_")
            {
                continue;
            }

            builder.Append(c == lower ? latin : char.ToUpperInvariant(latin[0]) + latin[1..]);
        }

        return builder.ToString();
    }

    private static bool IsUkrainian(string text, string? culture)
    {
        if (culture is { Length: >= 2 })
        {
            if (culture.StartsWith("uk", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (culture.StartsWith("ru", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return text.Any(c => char.ToLowerInvariant(c) is 'і' or 'ї' or 'є' or 'ґ');
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static Dictionary<char, string> Table(string pairs)
    {
        var parts = pairs.Split(' ');
        var table = new Dictionary<char, string>();
        for (var i = 0; i < parts.Length; i += 2)
        {
            table[parts[i][0]] = parts[i + 1];
        }

        return table;
    }
}
