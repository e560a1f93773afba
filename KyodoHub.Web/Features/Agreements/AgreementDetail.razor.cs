using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Agreements;

public partial class AgreementDetail
{
    private AgreementView? _view;
    private string? _problem;
    private bool _busy;
    private bool _isStaff;
    private bool _justSaved;
    private IDisposable? _subscription;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private AgreementService Agreements { get; set; } = null!;

    [Inject]
    private IEventBroker Events { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private JapaneseFont Font { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Events.Subscribe(e => e is AgreementEvent changed && changed.AgreementId == Id ? InvokeAsync(ReloadAsync) : Task.CompletedTask);
        _isStaff = (await CurrentUser.GetAsync()).IsStaff;
        _justSaved = Navigation.HistoryEntryState == AgreementSaved.State;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Agreements.GetAsync(Id);
        }
        catch (AccessDeniedException)
        {
            _problem = L["AccessDeniedLead"];
        }
        catch (DomainRuleException ex)
        {
            _problem = RuleMessages.Of(L, ex);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task ConfirmAsync()
    {
        _busy = true;
        _problem = null;
        try
        {
            await Agreements.ConfirmAsync(Id);
            await LoadAsync();
        }
        catch (DomainRuleException ex)
        {
            _problem = RuleMessages.Of(L, ex);
        }
        catch (AccessDeniedException)
        {
            _problem = L["AccessDeniedLead"];
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
