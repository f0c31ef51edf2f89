using System.Collections.Concurrent;
using System.Diagnostics;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs per tenant of one site while it is alive (EF's diagnostic events; other
/// sites running in parallel are told apart by their App_Data folder or PostgreSQL database).
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly SiteFixture _site;
    private readonly Microsoft.AspNetCore.Http.IHttpContextAccessor? _requests;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Tenant, string Text)> _texts = new();

    /// <param name="requestsOnly">Count only commands run while a request is served (and work it started), not the
    /// background services' (scheduled publishing, the change watcher), which may read any tenant at any time.</param>
    public SqlCommandCounter(SiteFixture site, bool requestsOnly = false)
    {
        _site = site;
        _requests = requestsOnly
            ? (Microsoft.AspNetCore.Http.IHttpContextAccessor)site.Factory.Services.GetService(typeof(Microsoft.AspNetCore.Http.IHttpContextAccessor))!
            : null;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Of(string tenant) => _counts.GetValueOrDefault(tenant);

    /// <summary>
    /// The commands for <paramref name="tenant"/> that read or write content: not the host's look at the tenant's change
    /// stamp, nor a settings or definition document read again because that look found a change. Those two depend on
    /// timing (another test's write, the watcher's interval), not on the page being measured.
    /// </summary>
    public List<string> ContentCommands(string tenant) =>
        [.. Texts(tenant).Where(t => !t.Contains("\"ChangeStamps\"", StringComparison.Ordinal) && !t.Contains("\"Documents\"", StringComparison.Ordinal))];

    /// <summary>The text of each command counted for <paramref name="tenant"/>, in order (to tell which reads they were).</summary>
    public IReadOnlyList<string> Texts(string tenant) => [.. _texts.Where(t => string.Equals(t.Tenant, tenant, StringComparison.OrdinalIgnoreCase)).Select(t => t.Text)];

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data && TenantOf(data) is { } tenant
            && (_requests is null || _requests.HttpContext is not null))
        {
            _counts.AddOrUpdate(tenant, 1, (_, n) => n + 1);
            _texts.Enqueue((tenant, data.Command.CommandText));
        }
    }

    private string? TenantOf(CommandExecutedEventData data)
    {
        if (_site.PostgresConnection is { } postgres)
        {
            var database = new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database;
            var schema = data.Context?.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SearchPathInterceptor>().FirstOrDefault()?.Schema;
            return data.Connection.Database == database && schema is not null ? schema["tenant_".Length..] : null;
        }

        var file = data.Connection.DataSource;
        var sites = Path.Combine(_site.Factory.AppData, "Sites") + Path.DirectorySeparatorChar;
        return file.StartsWith(sites, StringComparison.Ordinal) ? Path.GetFileName(Path.GetDirectoryName(file)) : null;
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
