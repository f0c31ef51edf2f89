using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// One post to a form, browser or API: address rate limit, bounded read, (browser) antiforgery, ticket age and
/// replay, honeypot, validation, contact rate limit, then the submission stored. Each refusal names a field or the
/// form, stores nothing and sends nothing. Logs never carry a submitted value. Scoped.
/// </summary>
public sealed partial class SubmissionPipeline(
    AddressRateLimiter addresses,
    IAntiforgery antiforgery,
    FormTicket tickets,
    SubmissionStore store,
    CurrentTenant tenant,
    Display.PageCulture culture,
    IOptions<FormsOptions> options,
    ILogger<SubmissionPipeline> logger)
{
    public async Task<SubmissionOutcome> RunAsync(HttpContext http, FormDefinition form, bool browser)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        var o = options.Value;
        if (!addresses.TryAcquire(tenant.Name, http.Connection.RemoteIpAddress, out var wait))
        {
            LogRefused(tenant.Name, form.FormId, "address rate limit");
            return SubmissionOutcome.Refused(StatusCodes.Status429TooManyRequests, "Too many requests from your connection: please wait a few minutes and try again.") with { RetryAfter = wait };
        }

        if (http.Request.ContentLength > o.MaxRequestBytes)
        {
            return SubmissionOutcome.Refused(StatusCodes.Status413PayloadTooLarge, "The request is too large: the files together may be at most 25 MB.");
        }

        var posted = await SubmissionRequest.ReadAsync(http.Request, o.MaxRequestBytes, http.RequestAborted);
        if (posted is null)
        {
            return SubmissionOutcome.Refused(StatusCodes.Status400BadRequest, "The request could not be read: the files may be too large. Please try again.");
        }

        return await CheckAndStoreAsync(http, form, posted, browser);
    }

    /// <summary>
    /// A post whose values were read elsewhere (GraphQL's <c>submitForm</c>): the same address rate limit, honeypot,
    /// validation, contact rate limit and storage as the JSON API, without antiforgery or a ticket.
    /// </summary>
    public async Task<SubmissionOutcome> RunAsync(HttpContext http, FormDefinition form, PostedForm posted)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(posted);
        if (!addresses.TryAcquire(tenant.Name, http.Connection.RemoteIpAddress, out var wait))
        {
            LogRefused(tenant.Name, form.FormId, "address rate limit");
            return SubmissionOutcome.Refused(StatusCodes.Status429TooManyRequests, "Too many requests from your connection: please wait a few minutes and try again.") with { RetryAfter = wait };
        }

        return await CheckAndStoreAsync(http, form, posted, browser: false);
    }

    private async Task<SubmissionOutcome> CheckAndStoreAsync(HttpContext http, FormDefinition form, PostedForm posted, bool browser)
    {
        var o = options.Value;
        string? nonce = null;
        if (browser)
        {
            var ticket = tickets.Read(posted.Ticket, form.FormId);
            if (!await antiforgery.IsRequestValidAsync(http) || ticket is null || ticket.Value.Age > o.TicketLifetime)
            {
                LogRefused(tenant.Name, form.FormId, "antiforgery or ticket");
                return SubmissionOutcome.Refused(StatusCodes.Status400BadRequest, "The form has expired: please check your answers and send it again.", posted.Values);
            }

            if (ticket.Value.Age < o.MinimumTimeToSubmit)
            {
                LogRefused(tenant.Name, form.FormId, "too fast");
                return SubmissionOutcome.Refused(StatusCodes.Status400BadRequest, "Please take a moment to check your answers, then send the form again.", posted.Values);
            }

            nonce = ticket.Value.Nonce;
            if (await store.TicketUsedAsync(nonce, http.RequestAborted))
            {
                LogRefused(tenant.Name, form.FormId, "replayed ticket");
                return SubmissionOutcome.Refused(StatusCodes.Status400BadRequest, "This form has already been sent. To send another request, open the form again.");
            }
        }

        if (posted.Values.GetValueOrDefault(FormView.HoneypotField) is { Length: > 0 })
        {
            LogRefused(tenant.Name, form.FormId, "honeypot");
            return SubmissionOutcome.Refused(StatusCodes.Status400BadRequest, "The form could not be sent. Please try again or call us.");
        }

        var check = FormValidator.Check(form, posted.Values, posted.Files);
        if (!check.IsValid)
        {
            LogInvalid(tenant.Name, form.FormId, string.Join(',', check.Errors.Select(e => e.Field)));
            return new SubmissionOutcome(StatusCodes.Status400BadRequest, null, check.Errors, posted.Values);
        }

        if (await store.ContactOverLimitAsync(check, http.RequestAborted))
        {
            LogRefused(tenant.Name, form.FormId, "contact rate limit");
            return SubmissionOutcome.Refused(StatusCodes.Status429TooManyRequests, "Too many requests with this phone number or e-mail address: please wait an hour or call us.", posted.Values)
                with { RetryAfter = o.ContactWindow };
        }

        try
        {
            var siteUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{culture.Prefix}/";
            var reference = await store.SaveAsync(form, check, nonce, culture.Name, siteUrl, http.RequestAborted);
            LogAccepted(tenant.Name, form.FormId, reference, check.Files.Count);
            return new SubmissionOutcome(StatusCodes.Status303SeeOther, reference, [], posted.Values);
        }
        catch (DbUpdateException) when (nonce is not null)
        {
            // Two posts of one ticket at the same moment: the unique nonce let one through.
            LogRefused(tenant.Name, form.FormId, "replayed ticket");
            return SubmissionOutcome.Refused(StatusCodes.Status400BadRequest, "This form has already been sent. To send another request, open the form again.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {Reference} to form {FormId} of tenant {Tenant} stored with {Files} file(s)")]
    private partial void LogAccepted(string tenant, string formId, string reference, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission to form {FormId} of tenant {Tenant} refused: {Reason}")]
    private partial void LogRefused(string tenant, string formId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission to form {FormId} of tenant {Tenant} invalid in fields {Fields}")]
    private partial void LogInvalid(string tenant, string formId, string fields);
}
