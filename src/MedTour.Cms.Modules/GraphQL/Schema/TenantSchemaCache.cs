using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>
/// One built schema per tenant, with its cache of parsed and validated documents. The schema is rebuilt when the
/// tenant's content definition changes: the definition document is itself cached per tenant and re-read after a change
/// made here or (through the change stamps of ADR 0011) by another process or the CLI, so a new definition instance
/// with different content means a new schema. At most <see cref="GraphQLOptions.SchemaCacheEntries"/> tenants are
/// kept (the least recently used goes). Singleton, thread-safe; entries are immutable apart from their document cache.
/// </summary>
public sealed class TenantSchemaCache(ContentSchemaBuilder builder, IOptions<GraphQLOptions> options) : ITenantObserver
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _build = new();

    public sealed class Entry(ContentDefinition definition, string fingerprint, ISchema schema, int documentLimit)
    {
        private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

        public ContentDefinition Definition { get; } = definition;
        public string Fingerprint { get; } = fingerprint;
        public ISchema Schema { get; } = schema;
        private long _lastUsed;

        public long LastUsed { get => Volatile.Read(ref _lastUsed); set => Volatile.Write(ref _lastUsed, value); }

        public GraphQLDocument? FindDocument(string key) => _documents.GetValueOrDefault(key);

        public void KeepDocument(string key, GraphQLDocument document)
        {
            // Bounded: past the limit the cache starts over rather than grow (documents are cheap to parse again).
            if (_documents.Count >= documentLimit)
            {
                _documents.Clear();
            }

            _documents[key] = document;
        }
    }

    public Entry Get(string tenant, ContentDefinition definition)
    {
        if (_entries.TryGetValue(tenant, out var entry) && ReferenceEquals(entry.Definition, definition))
        {
            entry.LastUsed = Environment.TickCount64;
            return entry;
        }

        lock (_build)
        {
            var fingerprint = JsonSerializer.Serialize(definition);
            if (_entries.TryGetValue(tenant, out entry) && (ReferenceEquals(entry.Definition, definition) || entry.Fingerprint == fingerprint))
            {
                // The same definition read again (its cache entry expired): keep the schema.
                entry = new Entry(definition, fingerprint, entry.Schema, options.Value.DocumentCacheEntries);
            }
            else
            {
                entry = new Entry(definition, fingerprint, builder.Build(definition, options.Value), options.Value.DocumentCacheEntries);
            }

            entry.LastUsed = Environment.TickCount64;
            _entries[tenant] = entry;
            Trim();
            return entry;
        }
    }

    /// <summary>The tenant's current entry, if one was built (diagnostics and tests).</summary>
    public Entry? Find(string tenant) => _entries.GetValueOrDefault(tenant);

    public void Drop(string tenant) => _entries.TryRemove(tenant, out _);

    public Task TenantChangedAsync(string tenantName)
    {
        Drop(tenantName);
        return Task.CompletedTask;
    }

    /// <summary>Only data changed: the definition check in <see cref="Get"/> decides whether the schema is stale.</summary>
    public Task TenantContentChangedAsync(string tenantName) => Task.CompletedTask;

    private void Trim()
    {
        var over = _entries.Count - Math.Max(1, options.Value.SchemaCacheEntries);
        foreach (var (name, _) in _entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(0, over)).ToList())
        {
            _entries.TryRemove(name, out _);
        }
    }
}
