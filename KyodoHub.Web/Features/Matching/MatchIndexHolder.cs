using KyodoHub.Core.Matching;
using KyodoHub.Web.Data;
using KyodoHub.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Matching;

/// <summary>
/// Keeps the match engine's immutable registrant index current: built from the database when the
/// app starts (requests that come earlier wait for that build), then refreshed for the registrants
/// that each save changed, from the one <see cref="RegistrantEvent"/> the save pipeline publishes
/// per save (see <see cref="MatchInputChanges"/>), so ranking never rebuilds the index per call.
/// The event travels through the broker, so every instance hears of every instance's saves.
/// </summary>
public sealed class MatchIndexHolder : IHostedService, IDisposable
{
    /// <summary>
    /// Registrants read per query when refreshing: a few set-based queries for a batch of
    /// thousands, each with a parameter list well inside what either database allows.
    /// </summary>
    internal const int RefreshChunk = 1_000;

    private readonly IDbContextFactory<KyodoDbContext> _factory;
    private readonly IEventBroker _broker;
    private readonly TimeProvider _clock;
    private readonly ILogger<MatchIndexHolder> _logger;
    private readonly IServiceScopeFactory? _scopes;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private MatchIndex? _index;
    private IDisposable? _subscription;
    private int _disposed;

    // The scopes are where the start-up job finds a CandidateRanking to rank once before the app
    // is ready (resolved there, not injected, because the ranking depends on this holder); without
    // them the holder is ready once built.
    public MatchIndexHolder(IDbContextFactory<KyodoDbContext> factory, IEventBroker broker, TimeProvider clock, ILogger<MatchIndexHolder> logger, IServiceScopeFactory? scopes = null)
    {
        (_factory, _broker, _clock, _logger, _scopes) = (factory, broker, clock, logger, scopes);
    }

    /// <summary>Whether the index has been built since the app started.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>
    /// Built, and the start-up ranking done (when there is one to do): what readiness waits for, so
    /// that the first ranking a user asks for finds the code compiled and the queries prepared.
    /// </summary>
    public bool IsReady => IsBuilt && (_scopes is null || _warmedUp);

    private volatile bool _warmedUp;

    public async Task<MatchIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _index) is { } index)
        {
            return index;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CurrentOrBuildLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// An index built afresh from the database, not kept: the live one must rank exactly like it
    /// (compare the two with <see cref="IndexRows"/>).
    /// </summary>
    public async Task<MatchIndex> BuildFreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return await BuildAsync(db, cancellationToken);
    }

    /// <summary>
    /// Re-reads the given registrants (profile and history), and everyone assigned to the given
    /// requests, into the index, in one batch; a registrant no longer in the database leaves it.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<int> registrantIds, IReadOnlyCollection<int>? requestIds = null, CancellationToken cancellationToken = default)
    {
        if (registrantIds.Count == 0 && (requestIds is null || requestIds.Count == 0))
        {
            return;
        }
        // Under the gate: a change that lands while the index is being built waits for the build,
        // then applies, so that it is never lost.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_index is not { } index)
            {
                return; // Not built: the build reads everything anyway.
            }
            await using var db = await _factory.CreateDbContextAsync(cancellationToken);
            var ids = registrantIds.ToHashSet();
            if (requestIds is { Count: > 0 })
            {
                ids.UnionWith(await db.Assignments.Where(a => requestIds.Contains(a.RequestId)).Select(a => a.RegistrantId).ToListAsync(cancellationToken));
            }
            Volatile.Write(ref _index, await WithChangesAsync(db, index, ids, cancellationToken));
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
        // Built in the background so that the app starts listening; readiness reports it.
        _ = Task.Run(BuildAtStartAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    // The host may dispose the holder (a singleton) before it is stopped, or stop it twice.
    public void Dispose()
    {
        Stop();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
            _gate.Dispose();
        }
    }

    private void Stop()
    {
        _subscription?.Dispose();
        if (Volatile.Read(ref _disposed) == 0)
        {
            _stopping.Cancel();
        }
    }

    private async Task BuildAtStartAsync()
    {
        try
        {
            await GetAsync(_stopping.Token);
            await WarmUpAsync(_stopping.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && Volatile.Read(ref _disposed) + (_stopping.IsCancellationRequested ? 1 : 0) > 0)
        {
            // Stopped before the build finished.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The first ranking tries again; readiness stays unhealthy meanwhile.
            _logger.LogError(ex, "Could not build the match index at start-up.");
        }
    }

    // One real ranking of an open request, as a coordinator's would run: the first user ranking
    // would otherwise pay for compiling the engine and the ranking's queries.
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_scopes is null)
        {
            return;
        }
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            int? requestId;
            await using (var db = await _factory.CreateDbContextAsync(cancellationToken))
            {
                requestId = await db.Requests.AsNoTracking().Where(r => r.State == Core.Requests.RequestState.Open)
                    .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            }
            if (requestId is { } id)
            {
                await scope.ServiceProvider.GetRequiredService<CandidateRanking>().RankUncheckedAsync(id, null, MatchEngine.DefaultTopK, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A slower first ranking is no reason to keep the instance out of traffic.
            _logger.LogWarning(ex, "The start-up ranking failed.");
        }
        finally
        {
            _warmedUp = true;
        }
    }

    private async Task<MatchIndex> CurrentOrBuildLockedAsync(CancellationToken cancellationToken)
    {
        if (_index is { } index)
        {
            return index;
        }
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var built = await BuildAsync(db, cancellationToken);
        Volatile.Write(ref _index, built);
        IsBuilt = true;
        return built;
    }

    private Task OnEventAsync(LiveEvent liveEvent) => liveEvent is RegistrantEvent e
        ? RefreshAsync(e.RegistrantIds, e.RequestIds, _stopping.Token)
        : Task.CompletedTask;

    // The registrants read in chunks, then added, replaced or (when no longer in the database)
    // taken out in one step, whether one changed or a whole import.
    private async Task<MatchIndex> WithChangesAsync(KyodoDbContext db, MatchIndex index, HashSet<int> ids, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var upserted = new List<IndexedRegistrant>(ids.Count);
        foreach (var chunk in ids.Order().Chunk(RefreshChunk))
        {
            var registrants = await db.Registrants.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(cancellationToken);
            var histories = await RegistrantHistoryQuery.LoadAsync(db, now, chunk, cancellationToken);
            upserted.AddRange(registrants.Select(r => new IndexedRegistrant(r, histories.GetValueOrDefault(r.Id) ?? RegistrantHistory.Empty)));
        }
        var found = upserted.Select(u => u.Registrant.Id).ToHashSet();
        return index.WithChanges(upserted, ids.Where(id => !found.Contains(id)));
    }

    private async Task<MatchIndex> BuildAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var tags = await db.SkillTags.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var registrants = await db.Registrants.AsNoTracking().ToListAsync(cancellationToken);
        var histories = await RegistrantHistoryQuery.LoadAsync(db, _clock.GetUtcNow(), null, cancellationToken);
        var index = MatchIndex.Build(registrants, histories, areas, tags);
        _logger.LogInformation("Match index built with {Count} registrants.", index.Count);
        return index;
    }
}
