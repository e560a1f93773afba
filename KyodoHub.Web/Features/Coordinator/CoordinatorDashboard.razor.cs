using KyodoHub.Core.Areas;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Components;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>
/// The coordinator's live list of requests. Subscribes to the event broker: a new request appears
/// at the top, highlighted; a changed one is updated in place. After a lost connection comes back,
/// the list is reloaded and the coordinator told how many changes arrived meanwhile. The list is read
/// a page at a time, as cards or as a table; the choice is kept in the address and in the browser.
/// </summary>
public sealed partial class CoordinatorDashboard
{
    public const int PageSize = 50;
    private const string ViewKey = "kh.dashboard.view";
    private const string TableView = "table";
    private const string CardView = "cards";
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
    private int _page;
    private bool _table;

    /// <summary>"table" or "cards"; without it, the view this browser chose last.</summary>
    [SupplyParameterFromQuery(Name = "view")]
    public string? View { get; set; }

    [Inject] private DashboardService Dashboard { get; set; } = null!;
    [Inject] private IEventBroker Broker { get; set; } = null!;
    [Inject] private ConnectionStatus Connection { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    private int PageCount => Math.Max(1, (int)Math.Ceiling((_data?.TotalMatching ?? 0) / (double)PageSize));

    protected override async Task OnInitializedAsync()
    {
        _seenSequence = Broker.LastSequence;
        _subscription = Broker.Subscribe(OnLiveEventAsync);
        Connection.Reconnected += OnReconnectedAsync;
        (_areas, _categories) = await Dashboard.FilterOptionsAsync();
        await ReloadAsync();
    }

    protected override void OnParametersSet()
    {
        if (View is TableView or CardView)
        {
            _table = View == TableView;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && View is null && await JS.InvokeAsync<string?>("localStorage.getItem", ViewKey) == TableView)
        {
            _table = true;
            StateHasChanged();
        }
    }

    private async Task ShowAsync(bool table)
    {
        _table = table;
        var view = table ? TableView : CardView;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("view", view), replace: true);
        await JS.InvokeVoidAsync("localStorage.setItem", ViewKey, view);
    }

    private async Task GoToPageAsync(int page)
    {
        _page = Math.Clamp(page - 1, 0, PageCount - 1);
        _fresh.Clear();
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
        _page = 0;
        _fresh.Clear();
        await ReloadAsync();
    }

    private Task OnStateChosenAsync(RequestState? state) => ApplyAsync(_filter with { State = state });

    private async Task ReloadAsync()
    {
        var generation = ++_generation;
        var now = Clock.GetUtcNow();
        var data = await Dashboard.LoadAsync(_filter, _page * PageSize, PageSize);
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
        else if (_page == 0)
        {
            // Newest first: a new or newly matching request belongs at the top of the first page.
            _rows.Insert(0, row);
            if (e.Kind == RequestEventKind.Created)
            {
                _fresh.Add(row.Id);
            }
        }
        // The counts are cheap to read again, and then always right.
        var data = await Dashboard.LoadAsync(_filter, 0, 0);
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
