using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using MedTour.Cms.Modules.Graph.Query;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Keeps documents that parsed and validated, per tenant schema, by the SHA-256 of their text (and the tenant's
/// validation switches): a known document skips parsing and validation. None of the rules depends on variables;
/// <c>first</c> given through a variable is still checked by the resolver.
/// </summary>
public sealed class DocumentCacheStep : IConfigureExecution
{
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.UserContext is not GraphContext { SchemaEntry: { } entry, DocumentKey: { } key } || options.Document is not null)
        {
            return await next(options);
        }

        var cached = entry.FindDocument(key);
        if (cached is not null)
        {
            options.Document = cached;
            options.ValidationRules = Array.Empty<IValidationRule>();
        }

        var result = await next(options);
        if (cached is null && result.Executed && options.Document is { } document)
        {
            entry.KeepDocument(key, document);
        }

        return result;
    }
}
