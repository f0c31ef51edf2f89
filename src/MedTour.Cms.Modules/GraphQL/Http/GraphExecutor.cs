using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using MedTour.Cms.Modules.Graph.Query;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Runs documents against a tenant's schema: one <see cref="DocumentExecuter"/> for the process (queries run with the
/// serial strategy, so resolvers share the request's DbContext safely and deferred relations batch per level), the
/// validation rules built once (core rules + depth and complexity limits, with or without introspection). Singleton.
/// </summary>
public sealed class GraphExecutor
{
    private readonly DocumentExecuter _executer;
    private readonly IValidationRule[] _withIntrospection;
    private readonly IValidationRule[] _withoutIntrospection;
    private readonly IValidationRule[] _complexity;
    private readonly GraphQLOptions _options;
    private readonly DirectExecution _direct;

    public GraphExecutor(IOptions<GraphQLOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _direct = new DirectExecution(Buffers);
        _executer = new DocumentExecuter(
            new GraphQLDocumentBuilder(),
            new KeptArgumentsValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(new QueryStrategy(_direct), OperationType.Query)]),
            [new DocumentCacheStep()]);
        var complexity = new ComplexityLimits(new ComplexityOptions { MaxDepth = _options.MaxDepth, MaxComplexity = _options.MaxComplexity });
        _complexity = [complexity];
        _withIntrospection = [.. DocumentValidator.CoreRules, complexity];
        _withoutIntrospection = [.. DocumentValidator.CoreRules, complexity, NoIntrospectionValidationRule.Instance];
    }

    /// <summary>Pooled response buffers and the serializer that fills them.</summary>
    public ResponseBuffers Buffers { get; } = new();

    public GraphQLSerializer Serializer => Buffers.Serializer;

    /// <summary>Queries answered by <see cref="DirectExecution"/> (without GraphQL.NET's execution) since the process started.</summary>
    public long DirectRuns => _direct.Runs;

    public Task<ExecutionResult> ExecuteAsync(GraphContext context, string query, Inputs? variables, string? operationName, bool introspection, IServiceProvider services, CancellationToken cancellationToken) =>
        _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = context.SchemaEntry!.Schema,
            Query = query,
            Variables = variables,
            OperationName = operationName,
            UserContext = context,
            RequestServices = services,
            ValidationRules = introspection ? _withIntrospection : _withoutIntrospection,
            // A cached document passed every rule already; only the complexity depends on the request (a list's
            // multiplier is its `first`, which a variable may give), so it runs again when variables are sent.
            CachedDocumentValidationRules = variables is { Count: > 0 } ? _complexity : [],
            CancellationToken = cancellationToken,
            Timeout = _options.Timeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
        });
}
