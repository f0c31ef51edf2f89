namespace MedTour.Cms.Modules.Security;

/// <summary>Configuration section <c>MedTour:SecurityHeaders</c>: the Content-Security-Policy of pages and of SVG files.</summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>
    /// Pages load nothing from other origins and the theme has no inline script or style element. Style attributes
    /// stay allowed: editors' sanitized HTML may carry them, and they cannot run script. JSON-LD is data, not script.
    /// </summary>
    public string PagePolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>An SVG opened on its own is a document that could run script: nothing runs, nothing loads.</summary>
    public string SvgPolicy { get; set; } = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
}
