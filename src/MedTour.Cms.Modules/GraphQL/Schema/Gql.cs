using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>Small constructors for schema pieces built at run time (types come from the tenant's definitions, not C# classes).</summary>
public static class Gql
{
    public static FieldType Field(string name, IGraphType type, Func<IResolveFieldContext, object?> resolve, string? description = null) =>
        new() { Name = name, ResolvedType = type, Resolver = new SyncFieldResolver(resolve), Description = description };

    /// <summary>A field whose resolver may wait (a query) or defer (a batch): run by GraphQL.NET's own strategy only (see <see cref="IsDirect"/>).</summary>
    public static FieldType AsyncField(string name, IGraphType type, Func<IResolveFieldContext, ValueTask<object?>> resolve, QueryArguments? arguments = null, string? description = null) =>
        new FieldType { Name = name, ResolvedType = type, Resolver = new FuncFieldResolver<object>(resolve), Arguments = arguments, Description = description }.NotDirect();

    private const string NotDirectKey = "medtour:not-direct";

    /// <summary>Marks a field that <see cref="DirectExecution"/> must leave to GraphQL.NET (it queries or defers its answer).</summary>
    public static FieldType NotDirect(this FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[NotDirectKey] = true;
        return field;
    }

    /// <summary>Clears the mark of a field whose wait is safe to repeat (a published list: its ids and items are cached once read).</summary>
    public static FieldType Direct(this FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata.Remove(NotDirectKey);
        return field;
    }

    public static bool IsDirect(FieldType field) => field is not null && !field.Metadata.ContainsKey(NotDirectKey);

    public static FieldType Input(string name, IGraphType type, string? description = null) =>
        new() { Name = name, ResolvedType = type, Description = description };

    public static QueryArgument Argument(string name, IGraphType type, object? defaultValue = null) =>
        new(type) { Name = name, DefaultValue = defaultValue };

    public static ListGraphType List(IGraphType type) => new(type);

    public static NonNullGraphType NonNull(IGraphType type) => new(type);

    public static IDictionary<string, object?>? Dictionary(IResolveFieldContext context, string name) =>
        context.Arguments is { } args && args.TryGetValue(name, out var value) ? value.Value as IDictionary<string, object?> : null;

    public static T? Value<T>(IResolveFieldContext context, string name) =>
        context.Arguments is { } args && args.TryGetValue(name, out var value) && value.Value is T t ? t : default;
}
