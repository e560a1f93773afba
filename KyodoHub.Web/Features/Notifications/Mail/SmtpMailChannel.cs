using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Notifications.Mail;

/// <summary>E-mail through the configured SMTP server. A 5xx answer (an address refused) is permanent; anything else may pass on a later try.</summary>
internal sealed class SmtpMailChannel(IOptions<SmtpOptions> options) : INotificationChannel
{
    public string Name => Data.NotificationOutbox.EmailChannel;

    public async Task SendAsync(ComposedMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var mail = MailMessages.Build(message, MailMessages.Sender(smtp));
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            throw new DeliveryException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex);
        }
        catch (Exception ex) when (ex is ServiceNotConnectedException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or AuthenticationException)
        {
            throw new DeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", permanent: false, ex);
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
