namespace MedTour.Cms.Recipes.Scripting;

/// <summary>
/// Orchard's recipe expression syntax: a whole string value <c>[prefix: code]</c>, where the prefix names the
/// engine (<c>js</c> or <c>file</c>). Any other string, including <c>[text in brackets]</c>, is left alone.
/// </summary>
public readonly record struct RecipeExpression(string Prefix, string Code)
{
    public const string JavaScript = "js";
    public const string File = "file";

    public static bool TryParse(string value, out RecipeExpression expression)
    {
        ArgumentNullException.ThrowIfNull(value);
        expression = default;
        if (value.Length < 4 || value[0] != '[' || value[^1] != ']')
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var prefix = value[1..colon].Trim();
        if (!string.Equals(prefix, JavaScript, StringComparison.OrdinalIgnoreCase) && !string.Equals(prefix, File, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        expression = new RecipeExpression(prefix.ToLowerInvariant(), value[(colon + 1)..^1]);
        return true;
    }
}
