using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Components;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>
/// One request for the coordinator: its details, offers, ranked candidates with trial weights,
/// and who else is looking. Offers, state changes and presence arrive live.
/// </summary>
public sealed partial class RequestDetailPage
{
    private readonly string _viewKey = Guid.NewGuid().ToString("N");
    private RequestDetail? _request;
    private IReadOnlyList<OfferRow> _offers = [];
    private RankingView? _ranking;
    private MatchWeights? _weights;
    private IReadOnlySet<int> _selected = new HashSet<int>();
    private IReadOnlyList<string> _viewers = [];
    private List<BreadcrumbItem> _crumbs = [];
    private IDisposable? _subscription;
    private LiveBoundary? _presenceRegion;
    private LiveBoundary? _liveRegion;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private string? _offerMessage;
    private Severity _offerSeverity = Severity.Info;
    private bool _notFound;
    private bool _sending;
    private bool _joined;
    private bool _editing;

    [Parameter]
    public int RequestId { get; set; }

    [Inject] private RequestDetailService Details { get; set; } = null!;
    [Inject] private CandidateRanking Ranking { get; set; } = null!;
    [Inject] private OfferService OfferService { get; set; } = null!;
    [Inject] private PresenceTracker Presence { get; set; } = null!;
    [Inject] private IEventBroker Broker { get; set; } = null!;
    [Inject] private CurrentUser CurrentUser { get; set; } = null!;
    [Inject] private ConnectionStatus Connection { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private bool IsFillable => _request?.State is RequestState.Open or RequestState.PartiallyFilled;

    private bool ExcludesMissingSkill => _request?.RequiredSkillRule == RequiredSkillRule.Exclude;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Broker.Subscribe(OnLiveEventAsync);
        Connection.Reconnected += OnReconnectedAsync;
        await LoadAllAsync();
        if (_request is not null && RendererInfo.IsInteractive)
        {
            var me = await CurrentUser.GetAsync();
            _viewers = Others(Presence.ViewersOf(RequestId), me.DisplayName);
            await Presence.JoinAsync(RequestId, _viewKey, me.DisplayName);
            _joined = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        Connection.Reconnected -= OnReconnectedAsync;
        if (_joined)
        {
            await Presence.LeaveAsync(RequestId, _viewKey);
        }
    }

    private async Task LoadAllAsync()
    {
        _request = await Details.GetAsync(RequestId);
        if (_request is null)
        {
            _notFound = true;
            return;
        }
        _crumbs =
        [
            new BreadcrumbItem(L["NavCoordinator"], "/coordinator"),
            new BreadcrumbItem(_request.Title, null, disabled: true),
        ];
        _offers = await Details.OffersAsync(RequestId);
        await RankAsync();
    }

    private async Task RankAsync()
    {
        _ranking = await Ranking.RankAsync(RequestId, _weights);
        // A selection survives re-ranking only for candidates still listed and not yet offered.
        _selected = _selected.Where(id => _ranking.Candidates.Any(c => c.RegistrantId == id && !c.AlreadyOffered)).ToHashSet();
    }

    private async Task OnWeightsChangedAsync(MatchWeights weights)
    {
        _weights = weights;
        await RankAsync();
    }

    private async Task SendOffersAsync()
    {
        _sending = true;
        try
        {
            var sent = await OfferService.SendAsync(RequestId, _selected.ToList(), _weights);
            Show(L.Count("OffersSent", sent.Count), Severity.Success);
            _selected = new HashSet<int>();
        }
        catch (DomainRuleException ex)
        {
            Show(L[$"Error_{ex.Code}"], Severity.Warning);
        }
        catch (DomainValidationException ex)
        {
            Show(L[$"Error_{ex.Code}"], Severity.Warning);
        }
        finally
        {
            _sending = false;
        }
        await RefreshAsync();
    }

    private Task WithdrawAsync(int offerId) =>
        CorrectAsync(() => OfferService.WithdrawAsync(offerId), L["OfferWithdrawnDone"]);

    private Task CancelAssignmentAsync(AssignmentCancellation cancel) =>
        CorrectAsync(() => OfferService.CancelAssignmentAsync(cancel.AssignmentId, cancel.Reason), L["AssignmentCancelledDone"]);

    // Withdrawing and cancelling answer beside the offers table they were asked from.
    private async Task CorrectAsync(Func<Task> change, string done)
    {
        _sending = true;
        try
        {
            await change();
            (_offerMessage, _offerSeverity) = (done, Severity.Success);
        }
        catch (DomainRuleException ex)
        {
            (_offerMessage, _offerSeverity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        catch (DomainValidationException ex)
        {
            (_offerMessage, _offerSeverity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        finally
        {
            _sending = false;
        }
        await RefreshAsync();
    }

    private Task SetAutoCascadeAsync(bool on) => ChangeRequestAsync(() => Details.SetAutoCascadeAsync(RequestId, on));

    private async Task SetRequiredSkillRuleAsync(bool exclude)
    {
        await ChangeRequestAsync(() => Details.SetRequiredSkillRuleAsync(RequestId, exclude ? RequiredSkillRule.Exclude : RequiredSkillRule.Score));
        await RankAsync();
    }

    private async Task ChangeRequestAsync(Func<Task> change)
    {
        try
        {
            await change();
            _request = await Details.GetAsync(RequestId);
        }
        catch (DomainRuleException ex)
        {
            Show(L[$"Error_{ex.Code}"], Severity.Warning);
        }
    }

    private async Task RefreshAsync()
    {
        _request = await Details.GetAsync(RequestId);
        _offers = await Details.OffersAsync(RequestId);
        await RankAsync();
    }

    private Task OnLiveEventAsync(LiveEvent liveEvent)
    {
        var relevant = liveEvent switch
        {
            RequestEvent e => e.RequestId == RequestId,
            OfferEvent e => e.RequestId == RequestId,
            PresenceEvent e => e.RequestId == RequestId,
            // Another request filling up can change who is free: re-rank.
            _ => false,
        };
        if (!relevant)
        {
            return Task.CompletedTask;
        }
        return InvokeAsync(async () =>
        {
            // A failure shows in the part the event feeds; the rest of the page keeps working.
            var region = liveEvent is PresenceEvent ? _presenceRegion : _liveRegion;
            try
            {
                if (liveEvent is PresenceEvent p)
                {
                    _viewers = Others(p.Viewers, (await CurrentUser.GetAsync()).DisplayName);
                }
                else
                {
                    if (liveEvent is OfferEvent { State: Core.Offers.OfferState.Declined or Core.Offers.OfferState.Expired } answered)
                    {
                        (_offerMessage, _offerSeverity) = (L[$"OfferWas{answered.State}"], Severity.Warning);
                    }
                    await RefreshAsync();
                }
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await (region?.FailAsync(ex) ?? DispatchExceptionAsync(ex));
            }
        });
    }

    private Task OnReconnectedAsync() => InvokeAsync(async () =>
    {
        try
        {
            await RefreshAsync();
            _viewers = Others(Presence.ViewersOf(RequestId), (await CurrentUser.GetAsync()).DisplayName);
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await (_liveRegion?.FailAsync(ex) ?? DispatchExceptionAsync(ex));
        }
    });

    private void Show(string message, Severity severity) => (_message, _messageSeverity) = (message, severity);

    // Lists the others; the viewer is shown once even with several tabs open.
    private static List<string> Others(IReadOnlyList<string> viewers, string me) => viewers.Where(v => v != me).ToList();
}
