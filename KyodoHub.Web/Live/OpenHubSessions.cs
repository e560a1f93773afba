using System.Collections.Concurrent;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Live;

/// <summary>
/// This instance's open hub connections that a sign-in cookie opened, with the session they carry,
/// so that <see cref="HubSessionSweeper"/> can close them once the session ends. Each instance
/// holds only its own connections; the stamps they are checked against are in the database.
/// </summary>
public sealed class OpenHubSessions(IOptions<IdentityOptions> identity)
{
    private readonly ConcurrentDictionary<string, (SessionStamp Session, HubCallerContext Connection)> _open = new();

    /// <summary>Keeps the connection if it carries a session; an API key carries none and is never closed here.</summary>
    public void Add(HubCallerContext connection)
    {
        if (connection.User is { } user && SessionStamps.SessionOf(identity.Value.ClaimsIdentity, user) is { } session)
        {
            _open[connection.ConnectionId] = (session, connection);
        }
    }

    public void Remove(HubCallerContext connection) => _open.TryRemove(connection.ConnectionId, out _);

    internal IReadOnlyCollection<(SessionStamp Session, HubCallerContext Connection)> Snapshot() => _open.Values.ToList();
}
