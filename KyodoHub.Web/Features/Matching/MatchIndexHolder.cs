using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using KyodoHub.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Matching;

/// <summary>
/// Keeps the match engine's immutable registrant index current: built once from the database on
/// first use, then each registrant whose profile or activities change is upserted as their event
/// arrives, so ranking never rebuilds the index per call.
/// </summary>
public sealed class MatchIndexHolder : IHostedService, IDisposable
{
    private readonly IDbContextFactory<KyodoDbContext> _factory;
    private readonly IEventBroker _broker;
    private readonly TimeProvider _clock;
    private readonly ILogger<MatchIndexHolder> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatchIndex? _index;
    private IDisposable? _subscription;

    public MatchIndexHolder(IDbContextFactory<KyodoDbContext> factory, IEventBroker broker, TimeProvider clock, ILogger<MatchIndexHolder> logger)
    {
        (_factory, _broker, _clock, _logger) = (factory, broker, clock, logger);
    }

    public async Task<MatchIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _index) is { } index)
        {
            return index;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _index ??= await BuildAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-reads the given registrants (profile and history) into the index.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<int> registrantIds, CancellationToken cancellationToken = default)
    {
        if (_index is null || registrantIds.Count == 0)
        {
            return; // Not built yet: the first build reads everything anyway.
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await _factory.CreateDbContextAsync(cancellationToken);
            var registrants = await db.Registrants.AsNoTracking().Where(r => registrantIds.Contains(r.Id)).ToListAsync(cancellationToken);
            var histories = await RegistrantHistoryQuery.LoadAsync(db, _clock.GetUtcNow(), registrantIds, cancellationToken);
            var index = _index;
            foreach (var id in registrantIds)
            {
                var registrant = registrants.SingleOrDefault(r => r.Id == id);
                index = registrant is null
                    ? index.WithRemoved(id)
                    : index.WithUpserted(registrant, histories.GetValueOrDefault(id) ?? RegistrantHistory.Empty);
            }
            Volatile.Write(ref _index, index);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the index so that the next use rebuilds it (after the taxonomy or areas change).</summary>
    public void Invalidate() => Volatile.Write(ref _index, null);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _broker.Subscribe(OnEventAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _gate.Dispose();
    }

    private async Task OnEventAsync(LiveEvent liveEvent)
    {
        switch (liveEvent)
        {
            case RegistrantEvent e:
                await RefreshAsync([e.RegistrantId]);
                break;
            case OfferEvent { State: OfferState.Accepted or OfferState.Declined } e:
                await RefreshAsync([e.RegistrantId]);
                break;
            // Completion and evaluation change track records (reliability); cancellation frees time.
            case RequestEvent { State: Core.Requests.RequestState.Cancelled or Core.Requests.RequestState.Completed or Core.Requests.RequestState.Evaluated } e:
                await using (var db = await _factory.CreateDbContextAsync())
                {
                    var ids = await db.Assignments.Where(a => a.RequestId == e.RequestId).Select(a => a.RegistrantId).ToListAsync();
                    await RefreshAsync(ids);
                }
                break;
        }
    }

    private async Task<MatchIndex> BuildAsync(CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var tags = await db.SkillTags.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var registrants = await db.Registrants.AsNoTracking().ToListAsync(cancellationToken);
        var histories = await RegistrantHistoryQuery.LoadAsync(db, _clock.GetUtcNow(), null, cancellationToken);
        var index = MatchIndex.Build(registrants, histories, areas, tags);
        _logger.LogInformation("Match index built with {Count} registrants.", index.Count);
        return index;
    }
}
