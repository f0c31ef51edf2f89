namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// A named right that endpoints check, stored by name in a role's claims (Orchard's <c>Permission</c> claim type,
/// so Orchard's <c>Roles</c> recipe step carries them unchanged). <paramref name="ImpliedBy"/> lists broader
/// permissions that grant this one (<c>PublishContent</c> grants <c>Publish_Article</c>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Orchard's name for it; not a code-access permission.")]
public sealed record Permission(string Name, string Description, string Category, IReadOnlyList<string>? ImpliedBy = null)
{
    public override string ToString() => Name;
}
