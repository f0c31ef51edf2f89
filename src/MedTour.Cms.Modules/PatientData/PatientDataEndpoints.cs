using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.PatientData;

/// <summary>
/// /admin/patients: find one patient's requests by e-mail or phone, download them (zip or JSON), erase them after
/// typing the contact again, and set the site's retention period. A refused form changes nothing.
/// </summary>
internal static class PatientDataEndpoints
{
    public static async Task<IResult> ShowAsync(RetentionPurge retention, IOptions<PatientDataOptions> options, HttpContext http) =>
        Page(PatientForm.Empty, await retention.RetentionDaysAsync(http.RequestAborted), options.Value.RetentionDays, null, null, StatusCodes.Status200OK);

    public static async Task<IResult> FindAsync(HttpContext http, AdminRequest admin, PatientRecords records, CmsDbContext db, RetentionPurge retention, IOptions<PatientDataOptions> options)
    {
        var form = PatientForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
        var errors = new FormErrors();
        var days = await retention.RetentionDaysAsync(http.RequestAborted);
        if (form.Contact(admin, errors) is not { } contact)
        {
            return Page(form, days, options.Value.RetentionDays, null, errors, StatusCodes.Status400BadRequest);
        }

        var ids = await records.FindAsync(contact, http.RequestAborted);
        var found = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id)
            .Select(s => new FoundRequest(s.Reference, s.CreatedUtc, s.Status, db.SubmissionFiles.Count(f => f.SubmissionId == s.Id)))
            .ToListAsync(http.RequestAborted);
        return Page(form, days, options.Value.RetentionDays, found, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> ExportAsync(HttpContext http, AdminRequest admin, PatientRecords records, RetentionPurge retention, IOptions<PatientDataOptions> options)
    {
        var form = PatientForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
        var errors = new FormErrors();
        var contact = form.Contact(admin, errors);
        if (form.Format is not ("zip" or "json"))
        {
            errors.Add("format", admin.T("Format: choose zip or JSON."));
        }

        if (contact is null || errors.Any)
        {
            return Page(form, await retention.RetentionDaysAsync(http.RequestAborted), options.Value.RetentionDays, null, errors, StatusCodes.Status400BadRequest);
        }

        var zip = form.Format == "zip";
        var export = await records.ExportAsync(contact, zip, cancellationToken: http.RequestAborted);
        var name = $"patient-data-{export.Tenant}-{export.ExportedUtc:yyyyMMdd-HHmmss}";
        if (zip)
        {
            return Results.File(PatientExportWriter.Zip(export), "application/zip", name + ".zip");
        }

        using var buffer = new MemoryStream();
        await PatientExportWriter.WriteJsonAsync(export, buffer, http.RequestAborted);
        return Results.File(buffer.ToArray(), "application/json", name + ".json");
    }

    public static async Task<IResult> EraseAsync(HttpContext http, AdminRequest admin, PatientRecords records, RetentionPurge retention, IOptions<PatientDataOptions> options)
    {
        var form = PatientForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
        var errors = new FormErrors();
        var contact = form.Contact(admin, errors);
        if (contact is not null && !Confirms(form, contact, admin))
        {
            errors.Add("confirm", admin.T("Confirmation: type the e-mail address or phone number again to erase."));
        }

        if (contact is null || errors.Any)
        {
            return Page(form with { Confirm = string.Empty }, await retention.RetentionDaysAsync(http.RequestAborted), options.Value.RetentionDays, null, errors, StatusCodes.Status400BadRequest);
        }

        var counts = await records.EraseAsync(contact, cancellationToken: http.RequestAborted);
        return AdminResults.RedirectWithFlash(admin, "/admin/patients", admin.T("Erased {0} request(s) and {1} file(s).", counts.Submissions, counts.Files));
    }

    public static async Task<IResult> SaveRetentionAsync(HttpContext http, AdminRequest admin, DocumentStore documents, RetentionPurge retention, IOptions<PatientDataOptions> options,
        UnitOfWork unitOfWork, TenantChangeNotifier changes)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        var raw = posted["retentionDays"].ToString().Trim();
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            || days is < PatientDataSettings.MinimumDays or > PatientDataSettings.MaximumDays)
        {
            var errors = new FormErrors().Add("retentionDays", admin.T("Retention: enter a whole number of days from {0} to {1}.", PatientDataSettings.MinimumDays, PatientDataSettings.MaximumDays));
            return Page(PatientForm.Empty, await retention.RetentionDaysAsync(http.RequestAborted), options.Value.RetentionDays, null, errors, StatusCodes.Status400BadRequest, raw);
        }

        // As the site settings do: other hosts drop their cached copy of the document when the change is announced.
        await using (var transaction = await unitOfWork.BeginAsync(http.RequestAborted))
        {
            await documents.SaveAsync(PatientDataSettings.DocumentName, new PatientDataSettings { RetentionDays = days }, http.RequestAborted);
            await changes.NotifyAfterCommitAsync();
            await transaction.CommitAsync(http.RequestAborted);
        }

        return AdminResults.RedirectWithFlash(admin, "/admin/patients", admin.T("Retention saved."));
    }

    /// <summary>The confirmation names the same contact (compared after normalising, so "067…" and "+38067…" agree).</summary>
    private static bool Confirms(PatientForm form, PatientContact contact, AdminRequest admin)
    {
        var typed = contact.Field == "email"
            ? PatientContact.Parse(form.Confirm, null, null).Contact
            : PatientContact.Parse(null, form.Confirm, form.Country.Length > 0 ? form.Country : admin.Tenant.Region?.CountryCode).Contact;
        return typed is not null && string.Equals(typed.Value, contact.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static IResult Page(PatientForm form, int days, int defaultDays, IReadOnlyList<FoundRequest>? found, FormErrors? errors, int status, string? postedDays = null) =>
        AdminResults.Page<PatientDataPage>(new Dictionary<string, object?>
        {
            ["Form"] = form,
            ["RetentionDays"] = postedDays ?? days.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DefaultRetentionDays"] = defaultDays,
            ["Found"] = found,
            ["Errors"] = errors,
        }, status);
}

/// <summary>A request as the patient-data page lists it: no field values, only what identifies it to staff.</summary>
public sealed record FoundRequest(string Reference, DateTime CreatedUtc, string Status, int Files);
