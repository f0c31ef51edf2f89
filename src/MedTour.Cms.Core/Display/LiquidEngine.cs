using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Display;

/// <summary>
/// The process's one Fluid parser and template options (thread-safe, immutable after start-up). Filters
/// are contributed by modules through <see cref="ILiquidFilterProvider"/>. Each render gets a fresh
/// <see cref="TemplateContext"/>.
/// </summary>
public sealed class LiquidEngine
{
    private readonly FluidParser _parser = new(new FluidParserOptions { AllowFunctions = false });
    private readonly ConcurrentDictionary<string, IFluidTemplate> _patterns = new(StringComparer.Ordinal);

    private readonly LiquidOptions _limits;

    public LiquidEngine(IEnumerable<ILiquidFilterProvider> filterProviders, IOptions<LiquidOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits.Value;
        Options = new TemplateOptions { MaxSteps = _limits.MaxSteps };
        // The render's culture (the item's, in an autoroute pattern; the page's in a view) picks the transliteration.
        Options.Filters.AddFilter("slugify", (input, _, context) => new StringValue(Slug.From(input.ToStringValue(), context.CultureInfo.Name)));
        foreach (var provider in filterProviders)
        {
            provider.Register(Options);
        }
    }

    public TemplateOptions Options { get; }

    /// <summary>Parses a template; throws <see cref="LiquidSyntaxException"/> naming the source and position.</summary>
    public IFluidTemplate Parse(string source, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _parser.TryParse(source, out var template, out var error)
            ? template
            : throw new LiquidSyntaxException($"{sourceName}: {error}");
    }

    /// <summary>Set (to true) in the ambient values while a pattern renders: content filters then read the latest versions and the items being saved.</summary>
    public const string PatternKey = "Pattern";

    /// <summary>
    /// Renders a short pattern (autoroute, expressions); parsed patterns are kept, as there are few of them.
    /// With <paramref name="services"/> (the scope saving the item), content filters such as <c>container</c> work too.
    /// </summary>
    public async Task<string> RenderPatternAsync(string pattern, IReadOnlyDictionary<string, object?> model, IServiceProvider? services = null, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = _patterns.GetOrAdd(pattern, p => Parse(p, "pattern"));
        var context = NewContext();
        if (!string.IsNullOrEmpty(culture))
        {
            try
            {
                context.CultureInfo = System.Globalization.CultureInfo.GetCultureInfo(culture);
            }
            catch (System.Globalization.CultureNotFoundException)
            {
                // A culture name this runtime does not know: slugs fall back to guessing the language from the letters.
            }
        }

        context.AmbientValues[PatternKey] = true;
        if (services is not null)
        {
            context.AmbientValues[PageRenderer.ServicesKey] = services;
        }

        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        return await template.RenderAsync(context, NullEncoder.Default);
    }

    public TemplateContext NewContext()
    {
        var context = new TemplateContext(Options);
        context.AmbientValues[ViewNesting.LimitKey] = _limits.MaxViewDepth;
        return context;
    }

    /// <summary>HTML-encodes markup characters but leaves letters of every script as they are (Cyrillic pages stay readable and small).</summary>
    public static readonly TextEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
}

public sealed class LiquidSyntaxException(string message) : Exception(message);
