using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using MedTour.Cms.Content;

namespace MedTour.Cms.Modules.Versions;

/// <summary>One line of one side of a field's diff.</summary>
public sealed record DiffLine(string Text, ChangeType Change);

/// <summary>One field (<c>Part.Field.Property</c>) of two versions side by side; <see cref="Changed"/> when they differ.</summary>
public sealed record FieldDiffRow(string Path, IReadOnlyList<DiffLine> Old, IReadOnlyList<DiffLine> New)
{
    public bool Changed => Old.Any(l => l.Change != ChangeType.Unchanged) || New.Any(l => l.Change != ChangeType.Unchanged);
}

/// <summary>
/// Compares two versions of an item field by field: every leaf of the item's JSON becomes a row keyed by its path,
/// compared line by line (DiffPlex). HTML is compared as text: its source, broken before each block tag so that a
/// changed paragraph shows as one changed line rather than the whole body.
/// </summary>
public static partial class FieldDiff
{
    public static IReadOnlyList<FieldDiffRow> Compare(ContentItem older, ContentItem newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var left = Flatten(older);
        var right = Flatten(newer);
        var paths = left.Keys.Concat(right.Keys).Distinct(StringComparer.Ordinal).ToList();
        return [.. paths.Select(path =>
        {
            var model = SideBySideDiffBuilder.Diff(left.GetValueOrDefault(path) ?? string.Empty, right.GetValueOrDefault(path) ?? string.Empty, ignoreWhiteSpace: false);
            return new FieldDiffRow(path, Lines(model.OldText), Lines(model.NewText));
        })];
    }

    /// <summary>The item's title and every leaf value of its parts, as text by path.</summary>
    public static Dictionary<string, string> Flatten(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["DisplayText"] = item.DisplayText };
        foreach (var (name, node) in item.Content)
        {
            Add(values, name, node);
        }

        return values;
    }

    private static void Add(Dictionary<string, string> values, string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Add(values, path + "." + name, child);
                }

                break;
            case JsonArray array when array.All(e => e is JsonValue or null):
                values[path] = string.Join('\n', array.Select(e => e?.ToString() ?? string.Empty));
                break;
            case JsonArray array:
                values[path] = array.ToJsonString();
                break;
            case null:
                values[path] = string.Empty;
                break;
            default:
                var text = node.ToString();
                values[path] = LooksLikeHtml(text) ? BlockTag().Replace(text, "\n$0").TrimStart('\n') : text;
                break;
        }
    }

    private static bool LooksLikeHtml(string text) => text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);

    private static List<DiffLine> Lines(DiffPaneModel pane) =>
        [.. pane.Lines.Select(l => new DiffLine(l.Text ?? string.Empty, l.Type))];

    [GeneratedRegex(@"<(p|h[1-6]|ul|ol|li|div|section|table|tr|blockquote|pre|figure|hr|br)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();
}
