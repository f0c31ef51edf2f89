using GraphQL.Types;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>One instance of each scalar per schema (a schema needs one instance per type name).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the GraphQL scalars they are.")]
public sealed class Scalars
{
    public StringGraphType String { get; } = new();
    public IdGraphType Id { get; } = new();
    public IntGraphType Int { get; } = new();
    public FloatGraphType Float { get; } = new();
    public BooleanGraphType Boolean { get; } = new();
    public DateTimeGraphType DateTime { get; } = new();
}
