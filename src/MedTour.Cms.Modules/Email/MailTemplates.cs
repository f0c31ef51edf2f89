using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace MedTour.Cms.Modules.Email;

/// <summary>
/// Liquid mail templates shipped in this assembly (<c>Email/Templates/{name}.{culture}.html.liquid</c> and
/// <c>.txt.liquid</c>), English when a culture has none. The text template's first line is the subject. Values are
/// HTML-encoded in the HTML body. Parsed once; singleton, thread-safe (a fresh context per render).
/// </summary>
public sealed class MailTemplates
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    private readonly ConcurrentDictionary<string, IFluidTemplate?> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options = new() { MaxSteps = 10_000 };

    public async Task<RenderedMail> RenderAsync(string name, string culture, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var language = culture.Split('-')[0];
        var html = Find(name, language, "html") ?? Find(name, "en", "html") ?? throw new InvalidOperationException($"No mail template {name}.");
        var text = Find(name, language, "txt") ?? Find(name, "en", "txt") ?? throw new InvalidOperationException($"No mail template {name}.");
        var context = new TemplateContext(_options) { CultureInfo = System.Globalization.CultureInfo.GetCultureInfo(culture) };
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        var htmlBody = await html.RenderAsync(context, HtmlEncoder.Default);
        var textBody = (await text.RenderAsync(context, NullEncoder.Default)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var newline = textBody.IndexOf('\n', StringComparison.Ordinal);
        var subject = (newline < 0 ? textBody : textBody[..newline]).Trim();
        return new RenderedMail(subject, htmlBody, newline < 0 ? string.Empty : textBody[(newline + 1)..].TrimStart('\n'));
    }

    private IFluidTemplate? Find(string name, string language, string kind) =>
        _templates.GetOrAdd($"{name}.{language}.{kind}", key =>
        {
            using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream($"MedTour.Cms.Modules.Email.Templates.{key}.liquid");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Mail template {key}: {error}");
        });
}
