using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.MediaAdmin.Pages;
using MedTour.Cms.Modules.MediaAdmin.Storage;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.MediaAdmin;

/// <summary>
/// <c>/admin/media</c>: the tenant's library (browse, folders, upload many files, picker mode) and a file's page (alt
/// texts per culture, where it is used, delete). Everything needs <c>ManageMediaContent</c>; bad input re-renders the
/// page with a 400 and the field named, and nothing is written.
/// </summary>
public static class MediaAdminEndpoints
{
    public static IEndpointRouteBuilder MapMediaAdmin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var limit = endpoints.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxRequestBytes;
        var media = endpoints.MapAdminArea("/media", AdminPermissions.ManageMedia).WithTags("Media");
        media.MapGet("", Library).WithName("MediaLibrary");
        // The routing middleware applies both limits before anything (the antiforgery check included) reads the body.
        media.MapPost("/upload", UploadAsync).WithMetadata(new UploadSizeLimit(limit)).WithFormOptions(multipartBodyLengthLimit: limit).WithName("MediaUpload");
        media.MapPost("/folders", CreateFolderAsync).WithName("MediaCreateFolder");
        media.MapPost("/folders/delete", DeleteFolderAsync).WithName("MediaDeleteFolder");
        media.MapGet("/file", FilePage).WithName("MediaFile");
        media.MapPost("/file/texts", SaveTextsAsync).WithName("MediaTexts");
        media.MapPost("/file/delete", DeleteFileAsync).WithName("MediaDeleteFile");
        return endpoints;
    }

    private static IResult Library(HttpContext http, MediaLibrary library, AdminRequest A)
    {
        var (view, error) = LibraryView.From(http.Request.Query);
        var errors = new FormErrors();
        if (error is not null)
        {
            errors.Add(error, A.T("The field to fill in is not a valid field name."));
        }

        return LibraryPage(library, view, errors, A);
    }

    private static IResult LibraryPage(MediaLibrary library, LibraryView view, FormErrors errors, AdminRequest A, IReadOnlyDictionary<string, string>? texts = null)
    {
        if (library.FolderPath(view.Folder) is null)
        {
            errors.Add("folder", A.T("There is no folder \"{0}\" in the library.", view.Folder));
            view = view with { Folder = string.Empty };
        }

        return AdminResults.Page<MediaLibraryPage>(new Dictionary<string, object?>
        {
            ["View"] = view,
            ["Listing"] = library.List(view.Folder),
            ["Errors"] = errors.Any ? errors : null,
            ["Texts"] = texts,
        }, errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, MediaLibrary library, MediaTexts mediaTexts, MediaUploadValidator validator, AdminRequest A)
    {
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            var tooLarge = new FormErrors().Add(MediaUploadValidator.Field, A.T("The upload is too large or incomplete; upload fewer or smaller files."));
            return LibraryPage(library, new LibraryView(string.Empty, false, null), tooLarge, A);
        }

        var (view, error) = LibraryView.From(form);
        var errors = new FormErrors();
        var texts = AltTexts(form, A, errors);
        if (error is not null || library.FolderPath(view.Folder) is null)
        {
            return LibraryPage(library, view, errors, A, texts);
        }

        var uploads = await validator.ValidateAsync(form.Files.GetFiles("files"), errors, http.RequestAborted);
        if (errors.Any)
        {
            return LibraryPage(library, view, errors, A, texts);
        }

        var saved = await library.SaveAsync(view.Folder, uploads, http.RequestAborted);
        if (texts.Values.Any(t => t.Length > 0))
        {
            foreach (var path in saved)
            {
                await mediaTexts.WriteAsync(path, texts);
            }
        }

        var renamed = uploads.Where(u => u.SafeName != u.OriginalName).Select(u => u.SafeName).ToList();
        var message = renamed.Count == 0
            ? A.T("{0} file(s) uploaded.", saved.Count)
            : A.T("{0} file(s) uploaded; names were made safe: {1}.", saved.Count, string.Join(", ", saved.Select(Path.GetFileName)));
        return AdminResults.RedirectWithFlash(A, "/admin/media" + view.Query(), message);
    }

    private static async Task<IResult> CreateFolderAsync(HttpContext http, MediaLibrary library, AdminRequest A)
    {
        var form = await http.Request.ReadFormAsync();
        var (view, _) = LibraryView.From(form);
        var errors = new FormErrors();
        var name = form["name"].ToString().Trim();
        var safe = MediaNames.Safe(name);
        if (library.FolderPath(view.Folder) is null)
        {
            return LibraryPage(library, view, errors, A);
        }

        if (name.Length == 0 || MediaNames.IsTraversal(name) || safe is null || safe != name)
        {
            errors.Add("name", A.T("A folder name may hold letters, digits, '-', '_' and '.' only (for example: {0}).", safe ?? "photos"));
        }
        else if (!library.CreateFolder(view.Folder, safe))
        {
            errors.Add("name", A.T("\"{0}\" already exists here.", safe));
        }

        return errors.Any
            ? LibraryPage(library, view, errors, A)
            : AdminResults.RedirectWithFlash(A, "/admin/media" + view.Query(MediaLibrary.Combine(view.Folder, safe!)), A.T("Folder created."));
    }

    private static async Task<IResult> DeleteFolderAsync(HttpContext http, MediaLibrary library, AdminRequest A)
    {
        var form = await http.Request.ReadFormAsync();
        var (view, _) = LibraryView.From(form);
        var errors = new FormErrors();
        if (library.FolderPath(view.Folder) is null)
        {
            return LibraryPage(library, view, errors, A);
        }

        if (view.Folder.Length == 0 || !library.DeleteFolder(view.Folder))
        {
            errors.Add("folder", A.T("Only an empty folder can be deleted; \"{0}\" is not empty.", view.Folder));
            return LibraryPage(library, view, errors, A);
        }

        var parent = view.Folder.Contains('/', StringComparison.Ordinal) ? view.Folder[..view.Folder.LastIndexOf('/')] : string.Empty;
        return AdminResults.RedirectWithFlash(A, "/admin/media" + view.Query(parent), A.T("Folder deleted."));
    }

    private static async Task<IResult> FilePage(HttpContext http, MediaLibrary library, MediaTexts texts, MediaUsage usage, AdminRequest A) =>
        await FilePageAsync(http.Request.Query["path"].ToString(), library, texts, usage, A, null, null);

    private static async Task<IResult> FilePageAsync(string path, MediaLibrary library, MediaTexts texts, MediaUsage usage, AdminRequest A,
        FormErrors? errors, IReadOnlyDictionary<string, string>? posted)
    {
        if (library.Find(path) is not { } entry)
        {
            var missing = new FormErrors().Add("path", A.T("There is no file \"{0}\" in the library.", path));
            return LibraryPage(library, new LibraryView(string.Empty, false, null), missing, A);
        }

        return AdminResults.Page<MediaFilePage>(new Dictionary<string, object?>
        {
            ["Entry"] = entry,
            ["Texts"] = posted ?? texts.Read(entry.Path),
            ["Users"] = await usage.FindAsync(entry.Path),
            ["Errors"] = errors,
        }, errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SaveTextsAsync(HttpContext http, MediaLibrary library, MediaTexts texts, MediaUsage usage, AdminRequest A)
    {
        var form = await http.Request.ReadFormAsync();
        var path = form["path"].ToString();
        var errors = new FormErrors();
        var posted = AltTexts(form, A, errors);
        if (library.Find(path) is null || errors.Any)
        {
            return await FilePageAsync(path, library, texts, usage, A, errors.Any ? errors : null, posted);
        }

        await texts.WriteAsync(path, posted);
        return AdminResults.RedirectWithFlash(A, "/admin/media/file?path=" + Uri.EscapeDataString(path), A.T("Alternative texts saved."));
    }

    private static async Task<IResult> DeleteFileAsync(HttpContext http, MediaLibrary library, MediaTexts texts, MediaUsage usage, AdminRequest A)
    {
        var form = await http.Request.ReadFormAsync();
        var path = form["path"].ToString();
        if (library.Find(path) is not { } entry)
        {
            return await FilePageAsync(path, library, texts, usage, A, null, null);
        }

        var users = await usage.FindAsync(path);
        if (users.Count > 0 && form["confirmUsed"] != "1")
        {
            var errors = new FormErrors().Add("confirmUsed", A.T("\"{0}\" is used by {1} content item(s); tick the box to delete it anyway.", entry.Name, users.Count));
            return await FilePageAsync(path, library, texts, usage, A, errors, null);
        }

        library.DeleteFile(path);
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;
        return AdminResults.RedirectWithFlash(A, "/admin/media" + new LibraryView(folder, false, null).Query(), A.T("\"{0}\" deleted.", entry.Name));
    }

    /// <summary>The posted alt texts, one per culture of the tenant (<c>alt-uk</c>, <c>alt-ru</c>…), each checked for length.</summary>
    private static Dictionary<string, string> AltTexts(IFormCollection form, AdminRequest A, FormErrors errors)
    {
        var texts = new Dictionary<string, string>();
        foreach (var culture in A.Tenant.Cultures)
        {
            var text = form["alt-" + culture].ToString().Trim();
            if (text.Length > MediaTexts.MaxLength)
            {
                errors.Add("alt-" + culture, A.T("An alternative text is at most {0} characters.", MediaTexts.MaxLength));
            }

            texts[culture] = text;
        }

        return texts;
    }

    /// <summary>The upload's request body limit (<c>MedTour:Media:MaxRequestBytes</c>), read by the routing middleware.</summary>
    private sealed class UploadSizeLimit(long bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
