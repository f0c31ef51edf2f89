using System.Net;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Tests.Infrastructure;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>
/// Each kind of bad post to the Ukrainian form: a 400 page in Ukrainian whose error summary names the problem, the
/// answers kept in the form, nothing stored, no mail.
/// </summary>
public abstract class ConsultationBadInputTests(SiteFixture site)
{
    private static int _address;

    public static TheoryData<string, string> Cases => new()
    {
        { "missing required field", "Повне ім’я: це поле обов’язкове." },
        { "invalid phone", "Номер телефону: введіть правильний номер телефону з кодом країни." },
        { "phone code box not ticked", "Я підтверджую, що код країни мого телефону правильний: позначте, будь ласка, цей пункт." },
        { "consent not ticked", "позначте, будь ласка, цей пункт." },
        { "a .pdf that is not a PDF", "можна надсилати лише файли PDF, JPEG, PNG і DICOM" },
        { "a file too large", "кожен файл може бути не більшим за 10 МБ." },
        { "too many files", "можна додати не більше 5 файлів." },
        { "files together too large", "усі файли разом можуть мати не більше 25 МБ." },
        { "honeypot filled", "Не вдалося надіслати форму." },
        { "posted too fast", "перевірте свої відповіді й надішліть форму ще раз." },
        { "missing antiforgery token", "Термін дії форми минув" },
        { "missing ticket", "Термін дії форми минув" },
        { "forged ticket", "Термін дії форми минув" },
        { "oversized field", "Коротко опишіть діагноз або питання: текст задовгий." },
        { "script in a field", "Повне ім’я: приберіть, будь ласка, символи < і > та будь-який код." },
        { "invalid e-mail", "Електронна пошта: введіть адресу на кшталт name@example.com." },
        { "option not offered", "Країна проживання: оберіть, будь ласка, один варіант." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_post_gets_a_clear_message_in_Ukrainian_and_nothing_is_stored(string kind, string message)
    {
        using var client = site.ClientFrom($"10.2.{Interlocked.Increment(ref _address) / 250}.{(_address % 250) + 1}");
        var form = await ConsultationForm.OpenAsync(client);
        var values = ConsultationForm.ValidUkrainian();
        var hidden = new Dictionary<string, string>(form.Hidden);
        List<(string, byte[])> files = [];
        var wait = true;
        switch (kind)
        {
            case "missing required field": values.Remove("name"); break;
            case "invalid phone": values["phone"] = "12345"; break;
            case "phone code box not ticked": values.Remove("phone_country_confirmed"); break;
            case "consent not ticked": values.Remove("consent"); break;
            case "a .pdf that is not a PDF": files.Add(("report.pdf", "MZ this is a program, not a PDF"u8.ToArray())); break;
            case "a file too large": files.Add(("big.pdf", ConsultationForm.Pdf((10 * 1024 * 1024) + 1))); break;
            case "files together too large": files.AddRange(new[] { 9, 9, 8 }.Select((mb, i) => ($"part{i}.pdf", ConsultationForm.Pdf(mb * 1024 * 1024)))); break;
            case "too many files": files.AddRange(Enumerable.Range(1, 6).Select(i => ($"r{i}.pdf", ConsultationForm.Pdf()))); break;
            case "honeypot filled": values[FormView.HoneypotField] = "http://spam.example"; break;
            case "posted too fast": wait = false; break;
            case "missing antiforgery token": hidden.Remove(hidden.Keys.Single(k => k != FormTicket.FieldName)); break;
            case "missing ticket": hidden.Remove(FormTicket.FieldName); break;
            case "forged ticket": hidden[FormTicket.FieldName] = "CfDJ8forged"; break;
            case "oversized field": values["message"] = new string('а', 3001); break;
            case "script in a field": values["name"] = "<script>alert('x')</script>"; break;
            case "invalid e-mail": values["email"] = "olena@"; break;
            case "option not offered": values["country"] = "XX"; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }

        var before = await site.CountsAsync();
        using var response = await form.SubmitAsync(client, values, files, wait, hidden);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = ConsultationForm.Parse(html);
        Assert.Equal("uk", page.DocumentElement.GetAttribute("lang"));
        var summary = page.QuerySelector("#form-errors");
        Assert.NotNull(summary);
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal(before, await site.CountsAsync());
        // What the patient typed is kept (encoded), so they need not type it again.
        if (kind == "script in a field")
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.Equal("<script>alert('x')</script>", page.QuerySelector("#field-name")!.GetAttribute("value"));
            Assert.Equal("true", page.QuerySelector("#field-name")!.GetAttribute("aria-invalid"));
        }
    }
}

[Collection(ConsultationSqliteCollection.Name)]
public sealed class SqliteConsultationBadInputTests(ConsultationSqliteSite site) : ConsultationBadInputTests(site);

[Collection(ConsultationPostgresCollection.Name)]
public sealed class PostgresConsultationBadInputTests(ConsultationPostgresSite site) : ConsultationBadInputTests(site);
