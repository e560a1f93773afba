using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Notifications.Mail;

/// <summary>
/// E-mail through the configured SMTP server, on one connection while the dispatcher has messages
/// to send (closed when it goes idle, or after an error). A 5xx answer (an address refused) is
/// permanent; anything else may pass on a later try.
/// </summary>
internal sealed class SmtpMailChannel(IOptions<SmtpOptions> options) : INotificationChannel, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public string Name => Data.NotificationOutbox.EmailChannel;

    public async Task SendAsync(ComposedMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var mail = MailMessages.Build(message, MailMessages.Sender(smtp));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var client = await ConnectedAsync(smtp, cancellationToken);
            await client.SendAsync(mail, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // The server refused this message; the session itself is still good.
            throw new DeliveryException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex);
        }
        catch (Exception ex) when (ex is ServiceNotConnectedException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or AuthenticationException)
        {
            Close();
            throw new DeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", permanent: false, ex);
        }
        catch
        {
            Close();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task IdleAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
                {
                    // Closing a connection the server already dropped: nothing was lost.
                }
            }
            Close();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Close();
        _gate.Dispose();
    }

    private async Task<SmtpClient> ConnectedAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            return open;
        }
        Close();
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        _client = client;
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SocketOptions(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        return client;
    }

    private void Close()
    {
        _client?.Dispose();
        _client = null;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
