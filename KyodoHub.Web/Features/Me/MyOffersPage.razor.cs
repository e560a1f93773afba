using KyodoHub.Core.Common;
using KyodoHub.Web.Components;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Me;

public partial class MyOffersPage : IDisposable
{
    [Inject]
    private MyOffersService Inbox { get; set; } = null!;

    [Inject]
    private OfferService Offers { get; set; } = null!;

    [Inject]
    private IEventBroker Broker { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private ConnectionStatus Connection { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;


    private Inbox? _inbox;
    private IDisposable? _subscription;
    private LiveBoundary? _inboxRegion;
    private int? _registrantId;
    private string? _message;
    private Severity _severity;
    private bool _busy;
    private int _answers;

    protected override async Task OnInitializedAsync()
    {
        _registrantId = (await CurrentUser.GetAsync()).RegistrantId;
        _subscription = Broker.Subscribe(OnLiveEventAsync);
        Connection.Reconnected += ReloadLiveAsync;
        _inbox = await Inbox.GetAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        Connection.Reconnected -= ReloadLiveAsync;
    }

    private Task OnLiveEventAsync(LiveEvent liveEvent) => liveEvent switch
    {
        OfferEvent { State: KyodoHub.Core.Offers.OfferState.Withdrawn } e when e.RegistrantId == _registrantId =>
            InvokeAsync(async () =>
            {
                (_message, _severity) = (L["OfferWithdrawnLive"], Severity.Warning);
                await ReloadLiveAsync();
            }),
        OfferEvent { Kind: OfferEventKind.Answered } e when e.RegistrantId == _registrantId => ReloadLiveAsync(() =>
        {
            // The registrant's own answers in the app say so themselves; one the desk took by phone is told here.
            if (_inbox?.Notices?.Any(n => n.OfferId == e.OfferId && n.ByPhone is not null) == true)
            {
                (_message, _severity) = (L["PhoneAnswerLive"], Severity.Info);
            }
        }),
        OfferEvent e when e.RegistrantId == _registrantId => ReloadLiveAsync(),
        AssignmentEvent { State: KyodoHub.Core.Offers.AssignmentState.Cancelled } e when e.RegistrantId == _registrantId =>
            InvokeAsync(async () =>
            {
                (_message, _severity) = (L["ActivityCancelled"], Severity.Warning);
                await ReloadLiveAsync();
            }),
        _ => Task.CompletedTask,
    };

    private Task ReloadLiveAsync() => ReloadLiveAsync(null);

    private Task ReloadLiveAsync(Action? reloaded) => InvokeAsync(async () =>
    {
        try
        {
            await ReloadAsync();
            reloaded?.Invoke();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            // The offers show the failure; the rest of the page keeps working.
            await (_inboxRegion?.FailAsync(ex) ?? DispatchExceptionAsync(ex));
        }
    });

    private async Task ReloadAsync() => _inbox = await Inbox.GetAsync();

    private static string NoticeKind(InboxNotice n) => n switch
    {
        { ByPhone: KyodoHub.Core.Offers.OfferState.Accepted } => "phone-accepted",
        { ByPhone: not null } => "phone-declined",
        { AssignmentCancelled: true } => "cancelled",
        _ => "withdrawn",
    };

    private static string NoticeText(InboxNotice n) => n switch
    {
        { ByPhone: KyodoHub.Core.Offers.OfferState.Accepted } => "PhoneAcceptedNotice",
        { ByPhone: not null } => "PhoneDeclinedNotice",
        { AssignmentCancelled: true } => "AssignmentCancelledNotice",
        _ => "OfferWithdrawnNotice",
    };

    private Task AcceptAsync(int offerId) => AnswerAsync(() => Offers.AcceptAsync(offerId), L["OfferAccepted"]);

    private Task DeclineAsync(int offerId, string reason) => AnswerAsync(() => Offers.DeclineAsync(offerId, reason), L["OfferDeclined"]);

    private async Task AnswerAsync(Func<Task> answer, string done)
    {
        _busy = true;
        try
        {
            await answer();
            (_message, _severity) = (done, Severity.Success);
            _answers++;
        }
        catch (DomainRuleException ex)
        {
            (_message, _severity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        catch (DomainValidationException)
        {
            (_message, _severity) = (L["FieldRequired", L["DeclineReasonField"]], Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
        _inbox = await Inbox.GetAsync();
    }
}
