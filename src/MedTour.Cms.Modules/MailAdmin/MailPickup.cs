using System.Text.RegularExpressions;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace MedTour.Cms.Modules.MailAdmin;

/// <summary>
/// The tenant's pickup folder, where mail goes when it has no SMTP host (<c>App_Data/Sites/{tenant}/Mail</c>, as
/// <see cref="Email.MailSender"/> writes it). Shown in the admin only outside Production (ADR 0029): it is a developer's
/// mailbox, and a production site that forgot its SMTP host should not become a web mail reader. Scoped.
/// </summary>
public sealed partial class MailPickup(AppPaths paths, CurrentTenant tenant, IHostEnvironment environment)
{
    public bool IsAvailable => !environment.IsProduction();

    public string Folder => Path.Combine(paths.TenantFolder(tenant.Name), "Mail");

    /// <summary>The newest files first, with the headers a list needs (read from each file's head only).</summary>
    public async Task<IReadOnlyList<PickupMail>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var mails = new List<PickupMail>();
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(max))
        {
            await using var stream = file.OpenRead();
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            mails.Add(new PickupMail(file.Name, headers[HeaderId.To] ?? string.Empty, headers[HeaderId.Subject] ?? string.Empty, file.LastWriteTimeUtc, file.Length));
        }

        return mails;
    }

    /// <summary>The full path of one file named as the sender names them, or null (never a path outside the folder).</summary>
    public string? Find(string name) =>
        FileName().IsMatch(name) && File.Exists(Path.Combine(Folder, name)) ? Path.Combine(Folder, name) : null;

    [GeneratedRegex("^[0-9]{17}-[0-9a-f]{32}\\.eml$")]
    private static partial Regex FileName();
}

/// <summary>One <c>.eml</c> file of the pickup folder.</summary>
public sealed record PickupMail(string Name, string To, string Subject, DateTime WrittenUtc, long Length);
