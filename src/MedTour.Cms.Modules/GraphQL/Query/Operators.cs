using System.Linq.Expressions;
using System.Reflection;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>
/// Orchard's filter operators (<c>_contains</c>, <c>_in</c>, <c>_gt</c>…) as expression bodies. Values are wrapped in
/// a closure-like holder so EF Core sends them as SQL parameters: one compiled query per shape, not per value.
/// </summary>
public static class Operators
{
    public static readonly string[] Text = ["", "_not", "_in", "_not_in", "_contains", "_not_contains", "_starts_with", "_not_starts_with", "_ends_with", "_not_ends_with"];
    public static readonly string[] Ordered = ["", "_not", "_in", "_not_in", "_gt", "_gte", "_lt", "_lte"];
    public static readonly string[] Boolean = ["", "_not"];

    /// <summary>The positive form of an operator and whether it was negated (<c>_not_in</c> → <c>_in</c>, true).</summary>
    public static (string Positive, bool Negated) Split(string op) => op switch
    {
        "_not" => ("", true),
        _ when op.StartsWith("_not_", StringComparison.Ordinal) => ("_" + op[5..], true),
        _ => (op, false),
    };

    /// <summary>The test <c>value op argument</c> for a positive operator.</summary>
    public static Expression Test<TValue>(Expression value, string positive, object? argument)
    {
        switch (positive)
        {
            case "_in":
                var list = ((argument as System.Collections.IEnumerable)?.Cast<object?>() ?? []).Select(v => (TValue)Convert<TValue>(v)!).ToList();
                return Expression.Call(ContainsMethod<TValue>(), Hold(list), value);
            case "_contains":
                return IgnoringCase(value, nameof(string.Contains), argument);
            case "_starts_with":
                return IgnoringCase(value, nameof(string.StartsWith), argument);
            case "_ends_with":
                return IgnoringCase(value, nameof(string.EndsWith), argument);
        }

        var right = Hold((TValue)Convert<TValue>(argument)!);
        return positive switch
        {
            "_gt" => Expression.GreaterThan(value, right),
            "_gte" => Expression.GreaterThanOrEqual(value, right),
            "_lt" => Expression.LessThan(value, right),
            "_lte" => Expression.LessThanOrEqual(value, right),
            _ => Expression.Equal(value, right),
        };
    }

    /// <summary>
    /// Orchard's text operators are SQL <c>LIKE</c>, which ignores case. Here: the text as typed, or both sides through SQL
    /// <c>lower()</c> (PostgreSQL folds every letter; SQLite's folds ASCII only, so a Cyrillic value on SQLite matches in
    /// its own case), as the admin's content list does.
    /// </summary>
    private static BinaryExpression IgnoringCase(Expression value, string method, object? argument)
    {
        var text = argument?.ToString() ?? string.Empty;
        var lowered = Expression.Call(value, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        return Expression.OrElse(
            Expression.Call(value, StringMethod(method), Hold(text)),
            Expression.Call(lowered, StringMethod(method), Hold(text.ToLowerInvariant())));
    }

    private static object? Convert<TValue>(object? value)
    {
        var target = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        return value switch
        {
            null => null,
            DateTimeOffset offset when target == typeof(DateTime) => offset.UtcDateTime,
            DateTime date when target == typeof(DateTime) => date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date.ToUniversalTime(),
            DateOnly day when target == typeof(DateTime) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            _ when target == typeof(string) => value.ToString(),
            _ => System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static MemberExpression Hold<T>(T value)
    {
        var holder = new Holder<T>(value);
        return Expression.Field(Expression.Constant(holder), nameof(Holder<T>.Value));
    }

    private static MethodInfo StringMethod(string name) => typeof(string).GetMethod(name, [typeof(string)])!;

    private static MethodInfo ContainsMethod<TValue>() =>
        typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(TValue));

    private sealed class Holder<T>(T value)
    {
        public readonly T Value = value;
    }
}
