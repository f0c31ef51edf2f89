using System.Security.Cryptography;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Graph.Tokens;

/// <summary>
/// The tenant's API tokens: created with a random secret that is returned once and stored as its SHA-256, listed,
/// revoked. Checking a token reads through the tenant cache (a revoke drops the entry here, and moves the change
/// stamp so other processes drop theirs). Scoped.
/// </summary>
public sealed class ApiTokenStore(CmsDbContext db, TenantCache cache, CurrentTenant tenant, TimeProvider clock)
{
    private const string SecretPrefix = "mtk_";

    public sealed record Created(ApiTokenRecord Token, string Secret);

    /// <summary>A token that is known, not revoked and not expired; null otherwise.</summary>
    public sealed record Valid(long Id, string Name, IReadOnlySet<string> Scopes, DateTime? ExpiresUtc);

    public async Task<Created> CreateAsync(string name, IReadOnlyCollection<string> scopes, DateTime? expiresUtc, string? createdBy)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiTokenRecord
        {
            Name = name,
            Hash = DocumentHash.Of(secret),
            Prefix = secret[..10],
            Scopes = string.Join(' ', scopes),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ExpiresUtc = expiresUtc,
            CreatedBy = createdBy,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return new Created(token, secret);
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListAsync() =>
        await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id).ToListAsync();

    public async Task<bool> RevokeAsync(long id)
    {
        var token = await db.ApiTokens.AsTracking().FirstOrDefaultAsync(t => t.Id == id);
        if (token is null || token.RevokedUtc is not null)
        {
            return token is not null;
        }

        token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        cache.Remove(tenant.Name, "apitoken:" + token.Hash);
        return true;
    }

    public async Task<Valid?> CheckAsync(string secret)
    {
        if (secret.Length is < 10 or > 200)
        {
            return null;
        }

        var hash = DocumentHash.Of(secret);
        var key = "apitoken:" + hash;
        if (!cache.TryGet<ApiTokenRecord?>(tenant.Name, key, out var token))
        {
            token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash);
            if (token is not null)
            {
                // Misses are not cached: made-up tokens must not fill the tenant's cache.
                cache.Set(tenant.Name, key, token, TimeSpan.FromMinutes(5), size: 512);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || token.RevokedUtc is not null || (token.ExpiresUtc is { } expires && expires <= now))
        {
            return null;
        }

        return new Valid(token.Id, token.Name, token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), token.ExpiresUtc);
    }
}
