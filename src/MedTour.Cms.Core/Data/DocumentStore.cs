using System.Text.Json;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Data;

/// <summary>
/// Named JSON documents of the current tenant, cached across requests. Scoped: writes made in this scope
/// are read back by this scope at once, and reach the shared cache only once they are committed.
/// </summary>
public sealed class DocumentStore(IServiceProvider services, CurrentTenant tenant, TenantCache cache)
{
    // Resolved when the cache misses or on a write, so reading cached documents never builds a DbContext.
    private CmsDbContext Db => services.GetRequiredService<CmsDbContext>();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);
    private readonly Dictionary<string, object?> _scopeWrites = new(StringComparer.Ordinal);

    public async Task<T?> GetAsync<T>(string name, CancellationToken cancellationToken = default) where T : class
    {
        if (_scopeWrites.TryGetValue(name, out var written))
        {
            return (T?)written;
        }

        var key = "doc:" + name;
        if (cache.TryGet<T?>(tenant.Name, key, out var cached))
        {
            return cached;
        }

        var record = await Db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        var value = record is null ? null : JsonSerializer.Deserialize<T>(record.Content, JsonOptions);
        cache.Set(tenant.Name, key, value);
        return value;
    }

    public async Task SaveAsync<T>(string name, T value, CancellationToken cancellationToken = default) where T : class
    {
        var content = JsonSerializer.Serialize(value, JsonOptions);
        var db = Db;
        var record = await db.Documents.AsTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        if (record is null)
        {
            db.Documents.Add(new DocumentRecord { Name = name, Content = content, Version = 1 });
        }
        else
        {
            record.Content = content;
            record.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        _scopeWrites[name] = value;
        var tenantName = tenant.Name;
        var unitOfWork = services.GetRequiredService<UnitOfWork>();
        await unitOfWork.AfterCommitAsync(() =>
        {
            cache.Remove(tenantName, "doc:" + name);
            return Task.CompletedTask;
        });
        unitOfWork.AfterRollback(() => _scopeWrites.Remove(name));
    }
}
