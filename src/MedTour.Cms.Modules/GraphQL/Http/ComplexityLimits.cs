using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Depth and complexity limits, except for operations that select only introspection fields (<c>__schema</c>,
/// <c>__type</c>): the standard introspection query of client libraries and GraphiQL nests type references 15 levels
/// deep, its size is bounded by the schema, and introspection can be switched off per tenant instead.
/// </summary>
public sealed class ComplexityLimits(ComplexityOptions options) : ComplexityValidationRule(options)
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Operation.SelectionSet.Selections.All(s => s is GraphQLField field && field.Name.Value.Span.StartsWith("__"))
            ? ValueTask.CompletedTask
            : base.ValidateComplexityAsync(context, totalComplexity, maxDepth);
    }
}
