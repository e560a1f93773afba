using KyodoHub.Web.Features.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The registrant's private calendar address: issue (shown once), issue anew, or stop.
/// </summary>
public sealed partial class CalendarFeedCard
{
    private CalendarFeedStatus? _status;
    private string? _url;
    private string? _copied;
    private bool _confirmStop;
    private bool _busy;

    [Parameter, EditorRequired]
    public required int RegistrantId { get; set; }

    [Inject] private CalendarFeedService Feeds { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    protected override async Task OnParametersSetAsync() => _status = await Feeds.StatusAsync(RegistrantId);

    private async Task IssueAsync()
    {
        _busy = true;
        try
        {
            var token = await Feeds.IssueAsync(RegistrantId);
            _url = Navigation.ToAbsoluteUri(CalendarFeedService.PathOf(token)).ToString();
            _copied = null;
            _status = await Feeds.StatusAsync(RegistrantId);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task StopAsync()
    {
        _busy = true;
        try
        {
            await Feeds.RevokeAsync(RegistrantId);
            (_url, _confirmStop) = (null, false);
            _status = await Feeds.StatusAsync(RegistrantId);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _url);
            _copied = L["Me_Copied"];
        }
        catch (JSException)
        {
            // No clipboard (an insecure origin, a refusal): the address stays selectable in the field.
            _copied = L["Me_CopyFailed"];
        }
    }
}
