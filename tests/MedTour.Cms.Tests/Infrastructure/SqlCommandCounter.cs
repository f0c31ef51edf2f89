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
