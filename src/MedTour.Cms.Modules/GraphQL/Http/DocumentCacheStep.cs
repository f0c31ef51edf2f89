using GraphQL;
using GraphQL.DI;
using MedTour.Cms.Modules.Graph.Query;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Keeps documents that parsed and validated, per tenant schema, by the SHA-256 of their text (and the tenant's
/// validation switches): a known document skips parsing and validation. GraphQL.NET 8 validates a document handed in
/// with <see cref="ExecutionOptions.ValidationRules"/> like any other, so a hit swaps them for
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (what depends on the request: see <see cref="GraphExecutor"/>).
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
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options);
        // The executer parses into the result, not into options.Document (which stays null on a miss): read it there.
        if (cached is null && result.Executed && result.Document is { } document)
        {
            entry.KeepDocument(key, document);
        }

        return result;
    }
}
