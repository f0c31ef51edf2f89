using System.Collections;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;

namespace MedTour.Cms.Caching;

/// <summary>
/// Approximate bytes a cached value keeps alive, for memory-cache entry sizes: strings are 2 bytes a character plus
/// their header; collections, dictionaries, JSON trees and our own records are walked (to a depth and node count, then
/// extrapolated). Close enough to bound memory; not an exact measure.
/// </summary>
public static class CacheSize
{
    private const long ObjectHeader = 24;
    private const long Reference = 8;
    private const int MaxDepth = 12;
    private const int MaxNodes = 50_000;

    public static long Of(object? value)
    {
        var walk = new Walk();
        return walk.Measure(value, 0);
    }

    /// <summary>A string's bytes: header, length and two bytes a character.</summary>
    public static long OfString(string? text) => text is null ? Reference : ObjectHeader + 2L * text.Length;

    private sealed class Walk
    {
        private int _nodes;

        public long Measure(object? value, int depth)
        {
            if (value is null)
            {
                return Reference;
            }

            if (++_nodes > MaxNodes || depth > MaxDepth)
            {
                return 64;
            }

            return value switch
            {
                string s => OfString(s),
                ICacheSized sized => sized.EstimatedBytes,
                ValueType => ObjectHeader,
                JsonNode node => Json(node, depth),
                // The item's Liquid model (LiquidModelCache) lives as long as the item and is about as big again.
                ContentItem item => 2 * (ObjectHeader * 4 + OfString(item.ContentItemId) + OfString(item.ContentItemVersionId)
                    + OfString(item.DisplayText) + Json(item.Content, depth + 1)),
                IDictionary dictionary => Dictionary(dictionary, depth),
                IEnumerable sequence => Sequence(sequence, depth),
                _ => Properties(value, depth),
            };
        }

        private long Json(JsonNode node, int depth)
        {
            switch (node)
            {
                case JsonObject obj:
                    var total = 96L;
                    foreach (var (key, child) in obj)
                    {
                        total += 32 + OfString(key) + (child is null ? Reference : Measure(child, depth + 1));
                    }

                    return total;
                case JsonArray array:
                    var sum = 64L;
                    foreach (var child in array)
                    {
                        sum += Reference + (child is null ? 0 : Measure(child, depth + 1));
                    }

                    return sum;
                default:
                    return 48 + (node.GetValueKind() == System.Text.Json.JsonValueKind.String ? OfString(node.GetValue<string>()) : 16);
            }
        }

        private long Dictionary(IDictionary dictionary, int depth)
        {
            var total = 80L;
            foreach (DictionaryEntry entry in dictionary)
            {
                total += 24 + Measure(entry.Key, depth + 1) + Measure(entry.Value, depth + 1);
            }

            return total;
        }

        private long Sequence(IEnumerable sequence, int depth)
        {
            var total = 56L;
            foreach (var item in sequence)
            {
                total += Reference + Measure(item, depth + 1);
            }

            return total;
        }

        /// <summary>Our own records and classes: their public properties. Types of other libraries: a fixed guess.</summary>
        private long Properties(object value, int depth)
        {
            var type = value.GetType();
            if (type.Namespace?.StartsWith("MedTour.", StringComparison.Ordinal) != true)
            {
                return 1024;
            }

            var total = ObjectHeader;
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length == 0 && property.CanRead)
                {
                    total += Reference + Measure(property.GetValue(value), depth + 1);
                }
            }

            return total;
        }
    }
}
