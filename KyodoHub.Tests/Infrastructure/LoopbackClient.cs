using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Clients that connect from a loopback address of the test's choosing (all of 127.0.0.0/8 is
/// this machine on Linux), so that one test can play several users on different addresses. Every
/// connection goes to 127.0.0.1, whatever host name the URL carries, so a URL can use the
/// city's own name (which HSTS and the host filter care about) without a DNS entry.
/// </summary>
internal static class LoopbackClient
{
    /// <summary>A handler whose connections come from <paramref name="from"/>; over HTTPS it trusts <paramref name="certificate"/> and nothing else.</summary>
    public static SocketsHttpHandler Handler(IPAddress from, X509Certificate2? certificate = null) => new()
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => certificate is not null && presented is not null && presented.GetCertHashString() == certificate.Thumbprint },
    };

    /// <summary>A client from <paramref name="from"/> with its own cookie jar that does not follow redirects.</summary>
    public static HttpClient Create(string from, Uri baseAddress, X509Certificate2? certificate = null) =>
        new(Handler(IPAddress.Parse(from), certificate)) { BaseAddress = baseAddress };
}
