using KyodoHub.Core.Areas;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Components;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>
/// The coordinator's live list of requests. Subscribes to the event broker: a new request appears
/// at the top, highlighted; a changed one is updated in place. After a lost connection comes back,
/// the list is reloaded and the coordinator told how many changes arrived meanwhile.
/// </summary>
public sealed partial class CoordinatorDashboard
{
    private const int PageSize = 100;
    private readonly HashSet<int> _fresh = [];
    private List<RequestRow> _rows = [];
    private DashboardData? _data;
    private DashboardFilter _filter = new();
    private IReadOnlyList<Area> _areas = [];
    private IReadOnlyList<SkillCategory> _categories = [];
    private IDisposable? _subscription;
    private LiveBoundary? _listRegion;
    private long _seenSequence;
    // Bumped by every reload: a live event read before a reload began is already in what the reload
    // reads, and applying it afterwards would bring back a row the new filter leaves out.
    private int _generation;
    private int? _caughtUp;
    private DateTimeOffset _now;

    [Inject] private DashboardService Dashboard { get; set; } = null!;
    [Inject] private IEventBroker Broker { get; set; } = null!;
    [Inject] private ConnectionStatus Connection { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _seenSequence = Broker.LastSequence;
        _subscription = Broker.Subscribe(OnLiveEventAsync);
        Connection.Reconnected += OnReconnectedAsync;
        (_areas, _categories) = await Dashboard.FilterOptionsAsync();
        await ReloadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        Connection.Reconnected -= OnReconnectedAsync;
    }

    private async Task ApplyAsync(DashboardFilter filter)
    {
        _filter = filter;
        _fresh.Clear();
        await ReloadAsync();
    }

    private Task OnStateChosenAsync(RequestState? state) => ApplyAsync(_filter with { State = state });

    private async Task ReloadAsync()
    {
        var generation = ++_generation;
        var now = Clock.GetUtcNow();
        var data = await Dashboard.LoadAsync(_filter, PageSize);
        if (generation != _generation)
        {
            return;
        }
        (_now, _data, _rows) = (now, data, data.Rows.ToList());
    }

    private Task OnLiveEventAsync(LiveEvent liveEvent) => liveEvent is RequestEvent e
        ? InvokeAsync(async () =>
        {
            try
            {
                await ApplyEventAsync(e);
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await FailAsync(ex);
            }
        })
        : Task.CompletedTask;

    // The list shows the failure; the filters and the rest of the page keep working.
    private Task FailAsync(Exception ex) => _listRegion?.FailAsync(ex) ?? DispatchExceptionAsync(ex);

    private async Task ApplyEventAsync(RequestEvent e)
    {
        _seenSequence = Math.Max(_seenSequence, e.Sequence);
        var generation = _generation;
        var row = await Dashboard.RowAsync(e.RequestId, _filter);
        if (generation != _generation)
        {
            return;
        }
        _now = Clock.GetUtcNow();
        var at = _rows.FindIndex(r => r.Id == e.RequestId);
        if (row is null)
        {
            if (at >= 0)
            {
                _rows.RemoveAt(at);
            }
        }
        else if (at >= 0)
        {
            _rows[at] = row;
        }
        else
        {
            _rows.Insert(0, row);
            if (e.Kind == RequestEventKind.Created)
            {
                _fresh.Add(row.Id);
            }
        }
        // The counts are cheap to read again, and then always right.
        var data = await Dashboard.LoadAsync(_filter, 0);
        if (generation == _generation)
        {
            _data = data with { Rows = _rows };
        }
    }

    private Task OnReconnectedAsync() => InvokeAsync(async () =>
    {
        try
        {
            var missed = Broker.Since(_seenSequence).OfType<RequestEvent>().ToList();
            _seenSequence = Broker.LastSequence;
            var before = _rows.Select(r => r.Id).ToHashSet();
            await ReloadAsync();
            foreach (var created in missed.Where(m => m.Kind == RequestEventKind.Created && !before.Contains(m.RequestId)))
            {
                _fresh.Add(created.RequestId);
            }
            _caughtUp = missed.Count;
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await FailAsync(ex);
        }
    });
}
