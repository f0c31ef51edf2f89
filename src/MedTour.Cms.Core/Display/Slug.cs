using System.Globalization;
using System.Text;

namespace MedTour.Cms.Display;

/// <summary>
/// URL slugs like Orchard's: lower case, accents dropped, the rest a single dash; Cyrillic is spelled in Latin letters
/// by the culture's official scheme (<see cref="Transliteration"/>), other scripts' letters are kept.
/// </summary>
public static class Slug
{
    public static string From(string? text, int maxLength = 256) => From(text, culture: null, maxLength);

    /// <param name="culture">The item's culture (<c>uk</c>, <c>ru</c>…), which picks the transliteration of Cyrillic.</param>
    public static string From(string? text, string? culture, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        if (Transliteration.HasCyrillic(text))
        {
            text = Transliteration.ToLatin(text, culture);
        }

        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().Normalize(NormalizationForm.FormC).Trim('-');
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }
}
