using System.Globalization;
using System.Text.RegularExpressions;

namespace MedTour.Cms.Modules.TemplatesAdmin;

/// <summary>Fluid's parse error ("… at (3:14)") with its line and column taken out, to point at them in the editor.</summary>
public sealed partial record LiquidError(string Message, int? Line, int? Column)
{
    public static LiquidError From(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var position = Position().Matches(message).LastOrDefault();
        return position is null
            ? new LiquidError(message, null, null)
            : new LiquidError(message, int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();
}
