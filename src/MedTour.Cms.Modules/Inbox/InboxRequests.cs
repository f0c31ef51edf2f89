using MedTour.Cms.Content.Caching;
using MedTour.Cms.Data;
using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Consultations.Routing;
using MedTour.Cms.Modules.Forms;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>Builds a request page's view: fields, files, history with notes, the SLA clock, what may happen next. Scoped.</summary>
public sealed class InboxRequests(CmsDbContext db, SubmissionSecrets secrets, CoordinatorDirectory coordinators, RoutingSettingsStore routing, PublishedContent published, TimeProvider clock)
{
    public async Task<InboxRequestView> ViewAsync(SubmissionRecord submission, InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(viewer);
        var all = await coordinators.AllAsync(cancellationToken);
        var sla = await routing.GetAsync(cancellationToken);
        var names = all.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var files = await db.SubmissionFiles.AsNoTracking().Where(f => f.SubmissionId == submission.Id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var history = await db.SubmissionHistory.AsNoTracking().Where(h => h.SubmissionId == submission.Id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        var fileNames = files.ToDictionary(f => f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), secrets.FileName, StringComparer.Ordinal);
        var form = await published.GetAsync(submission.FormId) is { } item ? FormDefinition.Of(item) : null;
        var (fields, ticked) = Readable(secrets.Fields(submission), form);
        return new InboxRequestView(
            submission,
            fields,
            [.. files.Select(f => new InboxFile(f.Id, secrets.FileName(f), f.Kind, f.Length))],
            [.. history.Select(h => new InboxHistoryEntry(
                DateTime.SpecifyKind(h.AtUtc, DateTimeKind.Utc), h.Kind, h.Actor,
                h.CoordinatorId is null ? null : names.GetValueOrDefault(h.CoordinatorId) ?? h.CoordinatorId,
                Describe(h, names, fileNames), h.Rule, secrets.Note(h)))],
            submission.CoordinatorId is null ? null : all.FirstOrDefault(c => c.Id == submission.CoordinatorId),
            SlaClock.For(submission, clock.GetUtcNow().UtcDateTime, sla.SlaDueUtc),
            InboxStatuses.From(submission.Status),
            viewer.SeesAll ? [.. all.Where(c => c.Active && c.Id != submission.CoordinatorId)] : [],
            viewer,
            ticked,
            RegionTime.Of(sla));
    }

    /// <summary>
    /// The answers as the patient saw them: a choice by its option's label with its code ("Україна (UA)"), and the names of
    /// the checkboxes that were ticked (the page says "Yes" in the viewer's language). A form since deleted shows the codes.
    /// </summary>
    private static (IReadOnlyDictionary<string, string> Fields, IReadOnlySet<string> Ticked) Readable(IReadOnlyDictionary<string, string> answers, FormDefinition? form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var ticked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in answers)
        {
            var field = form?.Field(name);
            if (field?.Type == "checkbox" && value == "true")
            {
                ticked.Add(name);
            }

            fields[name] = field?.Type == "select" && field.Options.FirstOrDefault(o => o.Value == value) is { } option && option.Label != value
                ? $"{option.Label} ({value})"
                : value;
        }

        return (fields, ticked);
    }

    /// <summary>A history value made readable: a previous coordinator's name, a downloaded file's name.</summary>
    private static string? Describe(SubmissionHistoryRecord entry, Dictionary<string, string> coordinators, Dictionary<string, string> files) => entry.Kind switch
    {
        InboxHistoryKinds.Reassigned when entry.Value is { } previous => coordinators.GetValueOrDefault(previous) ?? previous,
        InboxHistoryKinds.Download when entry.Value is { } file => files.GetValueOrDefault(file) ?? file,
        _ => entry.Value,
    };
}
