using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The registrant's own data: a download of all of it, and a request that the centre delete it,
/// shown while it waits and withdrawable until staff act on it.
/// </summary>
public sealed partial class MyDataPage
{
    private MyDataView? _view;
    private string? _reason;
    private string? _reasonError;
    private string? _message;
    private Severity _severity;
    private bool _loading = true;
    private bool _confirming;
    private bool _busy;

    [Inject] private MyDataService Data { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _view = await Data.GetAsync();
        _loading = false;
    }

    private Task RequestAsync() => RunAsync(async id =>
    {
        await Data.RequestDeletionAsync(id, _reason);
        (_confirming, _reason) = (false, null);
        return L["Me_DeletionSent"];
    });

    private Task CancelAsync(int requestId) => RunAsync(async id =>
    {
        await Data.CancelDeletionAsync(id, requestId);
        return L["Me_DeletionCancelled"];
    });

    private async Task RunAsync(Func<int, Task<string>> action)
    {
        if (_view is null)
        {
            return;
        }
        _busy = true;
        _reasonError = null;
        try
        {
            (_message, _severity) = (await action(_view.RegistrantId), Severity.Success);
        }
        catch (DomainValidationException ex)
        {
            _reasonError = ValidationText.Of(L, ex.Field, ex.Code);
        }
        catch (DomainRuleException ex)
        {
            (_message, _severity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        catch (EditConflictException)
        {
            (_message, _severity) = (L["Me_EditConflict"], Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
        _view = await Data.GetAsync();
    }
}
