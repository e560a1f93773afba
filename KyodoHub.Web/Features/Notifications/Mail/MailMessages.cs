using MimeKit;

namespace KyodoHub.Web.Features.Notifications.Mail;

/// <summary>A composed message as a mail: plain text and HTML alternatives, UTF-8, its Message-Id from the notification's.</summary>
internal static class MailMessages
{
    public static MimeMessage Build(ComposedMessage message, MailboxAddress from)
    {
        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(message.Recipient.Name, message.Recipient.Email ?? throw new DeliveryException("The recipient has no e-mail address.", permanent: true)));
        mail.Subject = message.Subject;
        // The same id on every retry: a receiving server, or the reader, sees a message sent twice as one.
        mail.MessageId = $"{message.MessageId:N}@{from.Domain}";
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        foreach (var part in body is Multipart multipart ? multipart.OfType<TextPart>() : [])
        {
            part.ContentType.Charset = "utf-8";
        }
        mail.Body = body;
        return mail;
    }

    public static MailboxAddress Sender(SmtpOptions options) =>
        MailboxAddress.TryParse(options.From, out var from)
            ? from
            : throw new InvalidOperationException($"{SmtpOptions.Section}:From '{options.From}' is not an e-mail address.");
}
