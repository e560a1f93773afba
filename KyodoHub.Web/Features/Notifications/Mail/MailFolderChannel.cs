using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Notifications.Mail;

/// <summary>
/// In Development without an SMTP host: each mail becomes a file <c>App_Data/mail/*.eml</c>, which
/// a mail program opens as it would have arrived.
/// </summary>
internal sealed class MailFolderChannel(IHostEnvironment environment, IOptions<SmtpOptions> options) : INotificationChannel
{
    public string Name => Data.NotificationOutbox.EmailChannel;

    public string Folder => Path.Combine(environment.ContentRootPath, "App_Data", "mail");

    public async Task SendAsync(ComposedMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        using var mail = MailMessages.Build(message, MailMessages.Sender(options.Value));
        // The message id names the file: a retry after a crash overwrites rather than adds a copy.
        await mail.WriteToAsync(Path.Combine(Folder, $"{message.MessageId:N}.eml"), cancellationToken);
    }
}
