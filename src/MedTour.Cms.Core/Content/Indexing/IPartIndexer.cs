using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;

namespace MedTour.Cms.Content.Indexing;

/// <summary>
/// Index values of a part that has no fields (ContainedPart's container, PublishLaterPart's date), written as field
/// index rows under the part's name so lists and background jobs can query them like fields. Singleton, stateless.
/// </summary>
public interface IPartIndexer
{
    string PartName { get; }

    /// <summary>(property name, value) pairs of one version's part; nothing for odd or missing values. <paramref name="type"/> is the version's type, when defined.</summary>
    IEnumerable<(string Property, IndexedValue Value)> Index(ContentItem version, ContentTypeDefinition? type);
}
