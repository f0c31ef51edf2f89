using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// GraphQL.NET's validator, which also reads every field's arguments out of the document for the resolvers: for a
/// cached document run without variables and without rules (see <see cref="DocumentCacheStep"/>), those values are
/// the same at every run, so the first result is kept with the operation and handed out again (read-only: the
/// executer and the resolvers only read it). With variables, or with rules to run, it validates as before.
/// Singleton; thread-safe.
/// </summary>
public sealed class KeptArgumentsValidator : IDocumentValidator
{
    private readonly DocumentValidator _inner = new();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, IValidationResult> _kept = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var keep = options.Variables is not { Count: > 0 } && options.Rules is ICollection<IValidationRule> { Count: 0 } && options.Operation is not null;
        if (keep && _kept.TryGetValue(options.Operation!, out var kept))
        {
            return Task.FromResult(kept);
        }

        var result = _inner.ValidateAsync(options);
        return keep ? KeepAsync(result, options.Operation!) : result;
    }

    private async Task<IValidationResult> KeepAsync(Task<IValidationResult> validation, GraphQLOperationDefinition operation)
    {
        var result = await validation;
        if (result.IsValid)
        {
            _kept.AddOrUpdate(operation, result);
        }

        return result;
    }
}
