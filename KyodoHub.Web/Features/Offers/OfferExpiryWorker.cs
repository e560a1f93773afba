using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Offers;

/// <summary>Expires offers past their time, every few seconds, and lets the cascade follow.</summary>
public sealed class OfferExpiryWorker(IServiceScopeFactory scopes, IOptions<OfferOptions> options, TimeProvider clock, ILogger<OfferExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ExpiryCheckSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OfferService>().ExpireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring offers failed; trying again at the next tick.");
            }
        }
    }
}
