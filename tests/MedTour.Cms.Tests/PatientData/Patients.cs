using System.Net;
using MedTour.Cms.Tests.Consultations;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.PatientData;

/// <summary>A patient who sends the Ukrainian consultation form through the site, with values of their own (a marker in every free text).</summary>
public sealed record Patient(Dictionary<string, string> Values, string FileName, byte[] File, string Reference)
{
    public string Email => Values["email"];

    /// <summary>The phone as the form stores it (E.164): the form's "067…" read in Ukraine.</summary>
    public string E164 => "+38" + Values["phone"];

    public static async Task<Patient> SubmitAsync(SiteFixture site, string? email = null)
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var values = ConsultationForm.ValidUkrainian();
        values["name"] = "Пацієнт " + marker;
        values["condition"] = "Хвороба " + marker;
        values["message"] = "Повідомлення " + marker;
        if (email is not null)
        {
            values["email"] = email;
        }

        var fileName = "scan-" + marker + ".pdf";
        var file = ConsultationForm.Pdf(4096);
        using var client = site.ClientFrom($"10.77.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}");
        var form = await ConsultationForm.OpenAsync(client);
        using var response = await form.SubmitAsync(client, values, [(fileName, file)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Patient(values, fileName, file, await ConsultationSubmissionTests.ReferenceOfAsync(client, response));
    }

    /// <summary>Every value the patient typed (and the file's name), in the forms a log line might carry them.</summary>
    public IEnumerable<string> Secrets() =>
        [Values["name"], Values["condition"], Values["message"], Email, Values["phone"], E164, E164[1..], FileName];
}
