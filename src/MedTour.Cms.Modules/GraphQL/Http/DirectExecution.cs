using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQLParser.AST;
using MedTour.Cms.Modules.Graph.Query;
using MedTour.Cms.Modules.Graph.Schema;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Runs a read whose every field answers from memory (published lists and items, their parts, fields and pickers)
/// and writes its JSON as it goes, without GraphQL.NET's execution nodes: each field is still resolved by its own
/// resolver and serialized by its scalar type and the same serializer options, so the bytes are the ones GraphQL.NET
/// writes. Anything else gives up before or during the run and the request goes to GraphQL.NET's strategy, which
/// starts again: a field marked <see cref="Gql.NotDirect"/> (queries, deferred batches), directives, meta fields,
/// a list read with another status than PUBLISHED, a deferred result (an item not cached yet), a null where the type
/// forbids it, any exception (a resolver's error is reported by that second run). What ran before giving up is safe
/// to run again (published reads are cached once read). Singleton; thread-safe.
/// </summary>
public sealed class DirectExecution(ResponseBuffers buffers)
{
    // Per parsed operation (so per document of one tenant's schema): whether it may run here, and its fields.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Plan> _plans = [];
    private long _runs;

    /// <summary>Requests answered here since the process started (diagnostics: shows a read took this path).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>The JSON of the request's data, or null when the request must go to GraphQL.NET.</summary>
    public async ValueTask<RawJson?> TryRunAsync(ExecutionContext context, Func<IComplexGraphType, GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType FieldType)>> collect)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation.Operation != OperationType.Query || context.Schema.Query is not { } query)
        {
            return null;
        }

        var plan = _plans.GetValue(context.Operation, _ => new Plan(context.Schema, IsDirect(context, query, context.Operation.SelectionSet, 0)));
        if (!plan.Direct || plan.Schema != context.Schema)
        {
            return null;
        }

        var buffer = buffers.Rent();
        var writer = new Utf8JsonWriter(buffer, buffers.Serializer.WriterOptions);
        var run = new Run(context, collect, writer, buffers.Serializer.Options);
        var done = false;
        try
        {
            var fields = plan.Fields ??= run.Fields(query, context.Operation.SelectionSet);
            if (!HasPublishedStatus(context, fields))
            {
                return null;
            }

            if (!run.Object(fields, query, context.RootValue))
            {
                // The DbContext serves one query at a time: let a started one finish before GraphQL.NET runs.
                if (run.Pending is { } pending)
                {
                    await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                return null;
            }

            writer.Flush();
            done = true;
            Interlocked.Increment(ref _runs);
            return new RawJson(buffer);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // GraphQL.NET runs the request again and reports what went wrong its way (a resolver's ExecutionError…).
            return null;
        }
        finally
        {
            writer.Dispose();
            if (!done)
            {
                buffers.Return(buffer);
            }
        }
    }

    // Every field the document can reach is one this path may run (checked on the document, before anything runs).
    private static bool IsDirect(ExecutionContext context, IGraphType type, GraphQLSelectionSet? set, int depth)
    {
        if (set is null)
        {
            return true;
        }

        if (depth > 32 || type.GetNamedType() is not IComplexGraphType complex)
        {
            return false;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (field.Directives is { Count: > 0 } || field.Name.StringValue.StartsWith("__", StringComparison.Ordinal)
                        || complex.GetField(field.Name) is not { } definition || !Gql.IsDirect(definition)
                        || !IsDirect(context, definition.ResolvedType!, field.SelectionSet, depth + 1))
                    {
                        return false;
                    }

                    break;
                case GraphQLInlineFragment inline:
                    var condition = inline.TypeCondition is { } named ? context.Schema.AllTypes[named.Type.Name] : complex;
                    if (inline.Directives is { Count: > 0 } || condition is null || !IsDirect(context, condition, inline.SelectionSet, depth + 1))
                    {
                        return false;
                    }

                    break;
                default:
                    // Named fragments: left to GraphQL.NET (rare in the clients measured; keeps this check simple).
                    return false;
            }
        }

        return true;
    }

    private static bool HasPublishedStatus(ExecutionContext context, Field[] fields)
    {
        foreach (var field in fields)
        {
            if (context.ArgumentValues is { } all && all.TryGetValue(field.Ast, out var arguments)
                && arguments.TryGetValue("status", out var status) && status.Value is ItemStatus s && s != ItemStatus.Published)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Plan(ISchema schema, bool direct)
    {
        public ISchema Schema { get; } = schema;

        public bool Direct { get; } = direct;

        public Field[]? Fields { get; set; }
    }

    /// <summary>A field of a selection set on one object type: what it is, how its name is written, what its type is.</summary>
    public sealed class Field
    {
        public Field(GraphQLField ast, FieldType definition, JsonEncodedText name)
        {
            Ast = ast;
            Definition = definition;
            Name = name;
            HasArguments = definition.Arguments is { Count: > 0 };
            Sync = (definition.Resolver as SyncFieldResolver)?.Resolve;
            Shape = Shape.Of(definition.ResolvedType!);
        }

        public GraphQLField Ast { get; }

        public FieldType Definition { get; }

        public JsonEncodedText Name { get; }

        /// <summary>Only a field that declares arguments has values for them (saves a lookup per field and item).</summary>
        public bool HasArguments { get; }

        /// <summary>The resolver's own function when it answers at once (called without the ValueTask around it).</summary>
        public Func<IResolveFieldContext, object?>? Sync { get; }

        public Shape Shape { get; }

        /// <summary>The fields of this field's selection set per object type (an interface's items differ in type).</summary>
        public ConcurrentDictionary<IGraphType, Field[]> Children { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>A field's type taken apart once: non-null or not, and what it is (scalar, list of, object, abstract).</summary>
    public sealed class Shape
    {
        private Shape(IGraphType type)
        {
            NonNull = type is NonNullGraphType;
            var inner = NonNull ? ((NonNullGraphType)type).ResolvedType! : type;
            Scalar = inner as ScalarGraphType;
            // Exactly these types (a subclass may serialize its own way): String and ID write a string as it is,
            // DateTime writes the form IsoDateTime writes.
            Text = inner.GetType() == typeof(StringGraphType) || inner.GetType() == typeof(IdGraphType);
            Date = inner.GetType() == typeof(DateTimeGraphType);
            ObjectType = inner as IObjectGraphType is { IsTypeOf: null } o ? o : null;
            Abstract = inner as IAbstractGraphType;
            Item = inner is ListGraphType list ? Of(list.ResolvedType!) : null;
        }

        public bool NonNull { get; }

        public ScalarGraphType? Scalar { get; }

        /// <summary>A string goes out as it is (String, ID).</summary>
        public bool Text { get; }

        /// <summary>GraphQL.NET's DateTime scalar.</summary>
        public bool Date { get; }

        public IObjectGraphType? ObjectType { get; }

        public IAbstractGraphType? Abstract { get; }

        /// <summary>A list's item type.</summary>
        public Shape? Item { get; }

        public static Shape Of(IGraphType type) => new(type);
    }

    private sealed class Run(ExecutionContext context, Func<IComplexGraphType, GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType FieldType)>> collect, Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        private readonly DirectFieldContext _resolve = new(context);

        public Field[] Fields(IComplexGraphType type, GraphQLSelectionSet set) =>
            [.. collect(type, set).Select(f => new Field(f.Value.Field, f.Value.FieldType, JsonEncodedText.Encode(Name(f.Key), options.Encoder)))];

        private string Name(string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;

        /// <summary>A resolver's answer that was not ready (a query on a cold cache): awaited before giving up.</summary>
        public Task? Pending { get; private set; }

        // Synchronous on purpose: every answer is in memory here; one that is not stops the run (see Pending).
        public bool Object(Field[] fields, IObjectGraphType type, object? source)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            writer.WriteStartObject();
            foreach (var field in fields)
            {
                _resolve.MoveTo(field, type, source);
                object? value;
                if (field.Sync is { } sync)
                {
                    value = sync(_resolve);
                }
                else
                {
                    var pending = field.Definition.Resolver!.ResolveAsync(_resolve);
                    if (!pending.IsCompleted)
                    {
                        Pending = pending.AsTask();
                        return false;
                    }

                    value = pending.Result;
                }

                writer.WritePropertyName(field.Name);
                if (!Value(field, field.Shape, value))
                {
                    return false;
                }
            }

            writer.WriteEndObject();
            return true;
        }

        private bool Value(Field field, Shape shape, object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return !shape.NonNull;
            }

            // Strings and dates first: most values are, and their bytes need neither the scalar's Serialize nor the
            // deferred-result check (an interface test that walks a string's many interfaces).
            if (shape.Text && value is string plain)
            {
                writer.WriteStringValue(plain);
                return true;
            }

            if (shape.Date && value is DateTime date && IsoDateTime.TryWrite(writer, date))
            {
                return true;
            }

            if (value is IDataLoaderResult)
            {
                return false;
            }

            if (shape.Scalar is { } scalar)
            {
                var serialized = scalar.Serialize(value);
                if (serialized is string text)
                {
                    writer.WriteStringValue(text);
                    return true;
                }

                if (serialized is null)
                {
                    return false;
                }

                JsonSerializer.Serialize(writer, serialized, options);
                return true;
            }

            if (shape.Item is { } item)
            {
                if (value is not IEnumerable items || value is string)
                {
                    return false;
                }

                writer.WriteStartArray();
                if (items is IList indexed)
                {
                    for (var i = 0; i < indexed.Count; i++)
                    {
                        if (!Value(field, item, indexed[i]))
                        {
                            return false;
                        }
                    }
                }
                else
                {
                    foreach (var entry in items)
                    {
                        if (!Value(field, item, entry))
                        {
                            return false;
                        }
                    }
                }

                writer.WriteEndArray();
                return true;
            }

            if (shape.ObjectType is { } objectType)
            {
                return Object(ChildFields(field, objectType), objectType, value);
            }

            return shape.Abstract?.GetObjectType(value, context.Schema) is { IsTypeOf: null } concrete
                && Object(ChildFields(field, concrete), concrete, value);
        }

        private Field[] ChildFields(Field field, IObjectGraphType type)
        {
            if (!field.Children.TryGetValue(type, out var children))
            {
                children = Fields(type, field.Ast.SelectionSet!);
                field.Children.TryAdd(type, children);
            }

            return children;
        }
    }
}
