using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// How queries run: through <see cref="DirectExecution"/> when every field answers from memory (ADR 0045), else
/// GraphQL.NET's serial strategy (resolvers share the request's DbContext; deferred relations batch per level), with
/// the fields of each selection set collected once per object type instead of once per object (50 articles with an
/// author were 300 collections per request, the same each time for a cached document). What is kept belongs to the
/// parsed selection set (so to one document of one tenant's schema) and goes with it. Selection sets with directives
/// (<c>@skip</c>/<c>@include</c>, which depend on variables) are collected every time, as before. Singleton; thread-safe.
/// </summary>
public sealed class QueryStrategy(DirectExecution direct) : SerialExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLSelectionSet, Kept> _kept = [];

    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await direct.TryRunAsync(context, (type, set) => CollectFieldsFrom(context, type, set, null)) is { } data
            // What GraphQL.NET's own result from the context holds; the executer adds the errors and metrics after.
            ? new ExecutionResult { Query = context.Document.Source, Document = context.Document, Operation = context.Operation, Extensions = context.OutputExtensions, Executed = true, Data = data }
            : await base.ExecuteAsync(context);
    }

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.SelectionSet is not { } selectionSet)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var kept = _kept.GetValue(selectionSet, set => new Kept(HasDirectives(context, set, 0)));
        if (kept.HasDirectives)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        IGraphType type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType!;
        if (!kept.Fields.TryGetValue(type, out var fields))
        {
            fields = [.. CollectFieldsFrom(context, type, selectionSet, null).Values];
            kept.Fields.TryAdd(type, fields);
        }

        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = nodes;
    }

    // Directives anywhere under the set, fragments included (a fragment may hold @include on a field).
    private static bool HasDirectives(ExecutionContext context, GraphQLSelectionSet set, int depth)
    {
        if (depth > 64)
        {
            return true;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.Directives is { Count: > 0 }:
                case GraphQLInlineFragment inline when inline.Directives is { Count: > 0 } || HasDirectives(context, inline.SelectionSet, depth + 1):
                case GraphQLFragmentSpread spread when spread.Directives is { Count: > 0 }
                    || Fragment(context.Document, spread.FragmentName.Name) is not { } fragment
                    || fragment.Directives is { Count: > 0 }
                    || HasDirectives(context, fragment.SelectionSet, depth + 1):
                    return true;
            }
        }

        return false;
    }

    private static GraphQLFragmentDefinition? Fragment(GraphQLDocument document, GraphQLParser.ROM name) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name == name);

    private sealed class Kept(bool hasDirectives)
    {
        public bool HasDirectives { get; } = hasDirectives;

        public ConcurrentDictionary<IGraphType, (GraphQLField Field, FieldType Definition)[]> Fields { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
