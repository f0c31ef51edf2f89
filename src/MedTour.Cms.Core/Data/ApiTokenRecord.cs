namespace MedTour.Cms.Data;

/// <summary>
/// A GraphQL API token of the tenant (issue 9). Only the SHA-256 of the secret is stored: the secret is shown once,
/// when the token is created. <see cref="Scopes"/> is a space-separated list (<c>read:published read:drafts</c>).
/// </summary>
public sealed class ApiTokenRecord
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string Hash { get; set; }
    /// <summary>The secret's first characters, to tell tokens apart in the list.</summary>
    public required string Prefix { get; set; }
    public required string Scopes { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? CreatedBy { get; set; }
}
