using System.Security.Cryptography;
using System.Text;
using Fluid;
using MedTour.Cms.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Display;

/// <summary>
/// A tenant's own versions of theme views (Orchard's Templates): one document of Liquid sources by view name,
/// parsed once and cached per tenant (the key carries a hash of the source, so an edit is picked up at once). Scoped.
/// </summary>
public sealed class TemplateOverrides(DocumentStore documents, TenantCache cache, CurrentTenant tenant, LiquidEngine liquid)
{
    public const string DocumentName = "Templates";

    // Unsaved sources an admin previews: seen by this scope (one preview request) only.
    private readonly Dictionary<string, IFluidTemplate> _previews = new(StringComparer.Ordinal);

    /// <summary>Uses <paramref name="template"/> for <paramref name="name"/> in this scope only (a preview before saving).</summary>
    public void Preview(string name, IFluidTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _previews[name] = template;
    }

    public async Task<IFluidTemplate?> FindAsync(string name)
    {
        if (_previews.TryGetValue(name, out var preview))
        {
            return preview;
        }

        var all = await documents.GetAsync<Dictionary<string, TemplateSource>>(DocumentName);
        if (all is null || !all.TryGetValue(name, out var source))
        {
            return null;
        }

        var key = $"template:{name}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.Content)))}";
        if (!cache.TryGet<IFluidTemplate>(tenant.Name, key, out var template) || template is null)
        {
            template = liquid.Parse(source.Content, $"template override '{name}'");
            // A parsed template keeps its syntax tree: about ten times its source.
            cache.Set(tenant.Name, key, template, size: 10 * CacheSize.OfString(source.Content));
        }

        return template;
    }

    public async Task SaveAsync(IReadOnlyDictionary<string, TemplateSource> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var all = new Dictionary<string, TemplateSource>(await documents.GetAsync<Dictionary<string, TemplateSource>>(DocumentName) ?? [], StringComparer.Ordinal);
        foreach (var (name, source) in templates)
        {
            all[name] = source;
        }

        await documents.SaveAsync(DocumentName, all);
    }
}

/// <summary>A view's Liquid source, as Orchard's Templates step writes it.</summary>
public sealed record TemplateSource(string Content, string? Description = null);
