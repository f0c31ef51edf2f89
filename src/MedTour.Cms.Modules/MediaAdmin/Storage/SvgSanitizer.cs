using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>
/// Cleans an uploaded SVG before it is stored: an SVG opened on its own URL is a document that can run scripts, so
/// scripts, <c>foreignObject</c> (HTML inside), event handler attributes, links and references to anything outside
/// the file (only <c>#fragment</c> and embedded raster <c>data:</c> images stay), style sheets that load URLs and
/// processing instructions (<c>xml-stylesheet</c>) are removed. The DTD is not processed (no entity expansion, no
/// external entities). Served with the SVG Content-Security-Policy as well, in case anything slips through.
/// </summary>
public static partial class SvgSanitizer
{
    private static readonly HashSet<string> RemovedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener", "set", "animate",
    };

    private static readonly HashSet<string> ReferenceAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "action", "formaction" };

    /// <summary>The cleaned document as UTF-8 bytes, or null when <paramref name="bytes"/> are not a well-formed SVG document.</summary>
    public static byte[]? Sanitize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        XDocument document;
        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 20_000_000 });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        if (document.Root is not { } root || root.Name.LocalName != "svg")
        {
            return null;
        }

        document.DocumentType?.Remove();
        document.DescendantNodes().OfType<XProcessingInstruction>().ToList().ForEach(p => p.Remove());
        root.DescendantsAndSelf().Where(e => RemovedElements.Contains(e.Name.LocalName)).ToList().ForEach(e => e.Remove());
        root.DescendantsAndSelf().Where(e => e.Name.LocalName == "style" && LoadsSomething(e.Value)).ToList().ForEach(e => e.Remove());
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Attributes().Where(IsDangerous).ToList().ForEach(a => a.Remove());
        }

        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false }))
        {
            document.Save(writer);
        }

        return output.ToArray();
    }

    private static bool IsDangerous(XAttribute attribute)
    {
        var name = attribute.Name.LocalName;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var value = attribute.Value.Trim();
        if (ReferenceAttributes.Contains(name))
        {
            return !(value.StartsWith('#') || SafeDataImage().IsMatch(value));
        }

        return LoadsSomething(value);
    }

    /// <summary>A value that fetches something or runs code: <c>url(</c> other than <c>url(#…)</c>, <c>@import</c>, <c>javascript:</c>, <c>expression(</c>.</summary>
    private static bool LoadsSomething(string value) => ExternalUrl().IsMatch(value)
        || value.Contains("@import", StringComparison.OrdinalIgnoreCase)
        || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
        || value.Contains("expression(", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SafeDataImage();

    [GeneratedRegex(@"url\(\s*(?!['""]?\s*#)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
