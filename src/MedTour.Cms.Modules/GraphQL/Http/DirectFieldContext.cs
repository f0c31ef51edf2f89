using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// What a resolver sees when <see cref="DirectExecution"/> runs it: the request's execution context, the field, its
/// parent type and source. One instance per request, moved from field to field (resolvers run one at a time and keep
/// nothing of it). What a direct run does not track (paths, the parent context, sub-field maps) throws, and a throw
/// sends the request back to GraphQL.NET's own strategy. Not thread-safe.
/// </summary>
public sealed class DirectFieldContext(ExecutionContext execution) : IResolveFieldContext
{
    public GraphQLField FieldAst { get; private set; } = null!;

    public FieldType FieldDefinition { get; private set; } = null!;

    public IObjectGraphType ParentType { get; private set; } = null!;

    public object? Source { get; private set; }

    public IDictionary<string, ArgumentValue>? Arguments { get; private set; }

    public IResolveFieldContext? Parent => throw new NotSupportedException();

    public IDictionary<string, DirectiveInfo>? Directives => null;

    public object? RootValue => execution.RootValue;

    public ISchema Schema => execution.Schema;

    public GraphQLDocument Document => execution.Document;

    public GraphQLOperationDefinition Operation => execution.Operation;

    public GraphQL.Validation.Variables Variables => execution.Variables;

    public CancellationToken CancellationToken => execution.CancellationToken;

    public Metrics Metrics => execution.Metrics;

    public ExecutionErrors Errors => execution.Errors;

    public IEnumerable<object> Path => throw new NotSupportedException();

    public IEnumerable<object> ResponsePath => throw new NotSupportedException();

    public Dictionary<string, (GraphQLField Field, FieldType FieldType)>? SubFields => throw new NotSupportedException();

    public IReadOnlyDictionary<string, object?> InputExtensions => execution.InputExtensions;

    public IDictionary<string, object?> OutputExtensions => execution.OutputExtensions;

    public IServiceProvider? RequestServices => execution.RequestServices;

    public IExecutionArrayPool ArrayPool => execution;

    public ClaimsPrincipal? User => execution.User;

    public IExecutionContext ExecutionContext => execution;

    public IDictionary<string, object?> UserContext => execution.UserContext;

    public void MoveTo(DirectExecution.Field field, IObjectGraphType parentType, object? source)
    {
        FieldAst = field.Ast;
        FieldDefinition = field.Definition;
        ParentType = parentType;
        Source = source;
        Arguments = field.HasArguments && execution.ArgumentValues is { } all && all.TryGetValue(field.Ast, out var arguments) ? arguments : null;
    }
}
