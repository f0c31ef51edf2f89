using MedTour.Cms.Modules.Email;
using MimeKit;

namespace MedTour.Cms.Tests.Consultations;

/// <summary>The pickup folder's <c>.eml</c> files: readable by any mail reader, whatever the language of the mail.</summary>
public sealed class MailTransportTests
{
    [Fact]
    public async Task A_Ukrainian_mail_in_the_pickup_folder_is_7_bit_with_its_transfer_encodings_declared()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medtour-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var message = new MimeMessage { Subject = "Вашу заявку MedTour UA-7KQ4-2M отримано" };
            message.From.Add(new MailboxAddress("MedTour", "no-reply@medtour.example"));
            message.To.Add(new MailboxAddress(null, "olena@example.com"));
            message.Body = new BodyBuilder { TextBody = "Вітаємо! Її номер: UA-7KQ4-2M.", HtmlBody = "<p>Вітаємо! Її номер: <strong>UA-7KQ4-2M</strong>.</p>" }.ToMessageBody();

            await using (var transport = new MailTransport(new SmtpSettings(), password: null, folder))
            {
                await transport.SendAsync(message, CancellationToken.None);
            }

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var bytes = await File.ReadAllBytesAsync(file);
            // A body of 8-bit bytes with no Content-Transfer-Encoding is 7-bit text by RFC 2045: readers garble it.
            Assert.All(bytes, b => Assert.True(b < 0x80, "the file holds 8-bit bytes"));
            var read = await MimeMessage.LoadAsync(file);
            Assert.Equal("Вітаємо! Її номер: UA-7KQ4-2M.", read.TextBody!.Trim());
            Assert.Contains("Вітаємо!", read.HtmlBody, StringComparison.Ordinal);
            Assert.All(read.BodyParts.OfType<TextPart>(), p => Assert.NotEqual(ContentEncoding.Default, p.ContentTransferEncoding));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
