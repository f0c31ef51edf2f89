using System.Collections.Concurrent;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Security;

/// <summary>
/// A protector whose purposes end with <c>MedTour.Tenant:{name}:{created}</c> of the request it runs in (the tenant
/// is read at each call: protectors are made once and shared by every request). The creation time makes a tenant
/// re-created under a removed one's name unable to read what the old one protected. Outside a tenant's request (CLI, setup) it
/// protects without a tenant purpose. Thread-safe.
/// </summary>
internal sealed class TenantDataProtector(IDataProtector inner, IHttpContextAccessor http) : IDataProtector
{
    public const string PurposePrefix = "MedTour.Tenant:";

    private readonly ConcurrentDictionary<string, IDataProtector> _perTenant = new(StringComparer.Ordinal);

    public IDataProtector CreateProtector(string purpose) => new TenantDataProtector(inner.CreateProtector(purpose), http);

    public byte[] Protect(byte[] plaintext) => Current().Protect(plaintext);

    public byte[] Unprotect(byte[] protectedData) => Current().Unprotect(protectedData);

    private IDataProtector Current() =>
        http.HttpContext?.RequestServices.GetService<CurrentTenant>() is { IsSet: true } tenant
            ? _perTenant.GetOrAdd(PurposeOf(tenant.Settings), inner.CreateProtector)
            : inner;

    public static string PurposeOf(TenantSettings tenant) =>
        $"{PurposePrefix}{tenant.Name.ToLowerInvariant()}:{tenant.CreatedUtc.Ticks}";
}
