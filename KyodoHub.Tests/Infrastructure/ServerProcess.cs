using System.Diagnostics;
using System.Net.Sockets;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>Servers that tests start as processes of their own (redis-server, nginx).</summary>
internal static class ServerProcess
{
    /// <summary>Waits until the server accepts connections on 127.0.0.1:<paramref name="port"/>; false if it exits, or <paramref name="patience"/> runs out, first.</summary>
    public static async Task<bool> ListensAsync(Process process, int port, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
