using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Live;

/// <summary>
/// Closes this instance's open hub connections whose session has ended (sign-out, a password or
/// role change, a closed account) at the interval the circuits re-check theirs: the cookie was
/// checked when the connection opened, and a websocket sends no further requests to check.
/// </summary>
internal sealed class HubSessionSweeper(
    OpenHubSessions open,
    IDbContextFactory<KyodoDbContext> factory,
    IOptions<SessionRevalidationOptions> options,
    TimeProvider clock,
    ILogger<HubSessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RevalidateSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseEndedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Checking open hub sessions failed; trying again at the next tick.");
            }
        }
    }

    private async Task CloseEndedAsync(CancellationToken cancellationToken)
    {
        var connections = open.Snapshot();
        if (connections.Count == 0)
        {
            return;
        }
        var ended = await SessionStamps.EndedAsync(factory, connections.Select(c => c.Session).Distinct().ToList(), cancellationToken);
        foreach (var stale in connections.Where(c => ended.Contains(c.Session)))
        {
            stale.Connection.Abort();
        }
    }
}
