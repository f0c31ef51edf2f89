using System.Security.Claims;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// What an admin page needs of the request: the admin culture and its strings (<see cref="T"/>), URLs under the
/// tenant's prefix, the antiforgery token, the user and their permissions, and one-shot messages after a redirect.
/// Scoped; pages get it with <c>@inject AdminRequest A</c>.
/// </summary>
public sealed class AdminRequest(IHttpContextAccessor accessor, AdminText text, IAntiforgery antiforgery, UserPermissions permissions, CurrentTenant tenant)
{
    public const string CultureCookie = "medtour.admin.culture";
    private const string FlashCookie = "medtour.admin.flash";

    private string? _culture;
    private AntiforgeryTokenSet? _tokens;

    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("AdminRequest is used outside a request.");

    public ClaimsPrincipal User => Http.User;

    public string UserName => User.Identity?.Name ?? string.Empty;

    public TenantSettings Tenant => tenant.Settings;

    public bool IsDefaultTenant => tenant.Name == TenantSettings.DefaultName;

    /// <summary>en, uk or ru: the user's choice (a cookie), else the browser's first admin language, else English.</summary>
    public string Culture => _culture ??= ChooseCulture();

    /// <summary>The admin string in the admin culture, formatted with <paramref name="args"/> when given.</summary>
    public string T(string english, params object?[] args) => text.Translate(Culture, english, args);

    /// <summary>A URL under this tenant (<c>Url("/admin/contents")</c> is <c>/ua/admin/contents</c> on the Ukrainian site).</summary>
    public string Url(string path) => Http.Request.PathBase + path;

    public string AntiforgeryFieldName => Tokens.FormFieldName;

    public string AntiforgeryToken => Tokens.RequestToken ?? string.Empty;

    public Task<bool> CanAsync(Permission permission) => permissions.HasAsync(User, permission);

    public Task<bool> CanAsync(ContentVerb verb, string contentType, string? owner) => permissions.CanAsync(User, verb, contentType, owner);

    /// <summary>The menu items this user may open on this tenant, in menu order.</summary>
    public async Task<List<AdminMenuItem>> VisibleAsync(IEnumerable<AdminMenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var visible = new List<AdminMenuItem>();
        foreach (var item in items.Where(i => !i.DefaultTenantOnly || IsDefaultTenant).OrderBy(i => i.Order))
        {
            if (await CanAsync(item.Permission) && (!item.NeedsContentPermission || await permissions.HoldsAnyContentPermissionAsync(User)))
            {
                visible.Add(item);
            }
        }

        return visible;
    }

    /// <summary>A message shown once on the next admin page (after a post/redirect/get).</summary>
    public void Flash(string message) =>
        Http.Response.Cookies.Append(FlashCookie, Uri.EscapeDataString(message), new CookieOptions { HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, Path = Url("/admin"), IsEssential = true });

    /// <summary>Reads and clears the message <see cref="Flash"/> left.</summary>
    public string? TakeFlash()
    {
        if (!Http.Request.Cookies.TryGetValue(FlashCookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        Http.Response.Cookies.Delete(FlashCookie, new CookieOptions { Path = Url("/admin") });
        return Uri.UnescapeDataString(value);
    }

    private AntiforgeryTokenSet Tokens => _tokens ??= antiforgery.GetAndStoreTokens(Http);

    private string ChooseCulture()
    {
        if (Http.Request.Cookies.TryGetValue(CultureCookie, out var chosen) && AdminText.Cultures.Contains(chosen))
        {
            return chosen;
        }

        var accepted = Http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && AdminText.Cultures.Contains(l));
        return accepted ?? "en";
    }
}
