using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Groups;

public partial class GroupRequestPage : IDisposable
{
    [Inject]
    private GroupRequestsService Requests { get; set; } = null!;

    [Inject]
    private IEventBroker Broker { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;


    private GroupRequestDetail? _request;
    private IDisposable? _subscription;
    private string? _reason;
    private string? _error;
    private bool _loaded;
    private bool _denied;

    [Parameter]
    public int RequestId { get; set; }

    private bool IsClosed => _request?.State is RequestState.Cancelled or RequestState.Completed or RequestState.Evaluated or RequestState.Expired;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Broker.Subscribe(e => e is RequestEvent r && r.RequestId == RequestId ? InvokeAsync(ReloadLiveAsync) : Task.CompletedTask);
        await ReloadAsync();
    }

    public void Dispose() => _subscription?.Dispose();

    // A failure of a live reload shows on the page (its boundary), not as a lost circuit.
    private async Task ReloadLiveAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            _request = await Requests.GetAsync(RequestId);
        }
        catch (AccessDeniedException)
        {
            _denied = true;
        }
        _loaded = true;
        StateHasChanged();
    }

    private async Task CancelAsync()
    {
        _error = null;
        if (string.IsNullOrWhiteSpace(_reason))
        {
            _error = L["Validation_Required", L["CancelReason"]];
            return;
        }
        try
        {
            await Requests.CancelAsync(RequestId, _reason);
            await ReloadAsync();
        }
        catch (DomainRuleException ex)
        {
            _error = L[$"Error_{ex.Code}"];
        }
    }
}
