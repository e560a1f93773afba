using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// When the registrant can take part: the weekly grid (saved with its button), dated exceptions
/// (each added or removed at once), the monthly cap and pause. Each save is one change of their
/// record; when it changed elsewhere meanwhile, the page says so and shows the saved state.
/// </summary>
public sealed partial class MyAvailabilityPage
{
    private AvailabilityView? _view;
    private IReadOnlyList<AvailabilityWindow> _weekly = [];
    private FieldErrors _exceptionErrors = FieldErrors.None;
    private FieldErrors _capErrors = FieldErrors.None;
    private string? _weeklyError;
    private string? _message;
    private Severity _severity = Severity.Info;
    private bool _loading = true;
    private bool _busy;

    [Inject] private MyAvailabilityService Availability { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private bool WeeklyDirty => _view is not null && !_weekly.SequenceEqual(_view.Weekly);

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _view = await Availability.GetAsync();
        _weekly = _view?.Weekly ?? [];
    }

    private void OnWeeklyChanged(IReadOnlyList<AvailabilityWindow> windows)
    {
        _weekly = windows;
        _weeklyError = null;
    }

    private Task SaveWeeklyAsync() => RunAsync(keepUnsavedWeekly: false, change: async key =>
    {
        try
        {
            await Availability.SaveWeeklyAsync(key, _weekly);
            return L["Me_SavedWeekly"];
        }
        catch (DomainValidationException ex)
        {
            _weeklyError = ValidationText.Of(L, ex.Field, ex.Code);
            return null;
        }
    });

    private async Task<bool> AddExceptionAsync(AvailabilityException exception)
    {
        var saved = false;
        await RunAsync(async key =>
        {
            _exceptionErrors = FieldErrors.None;
            try
            {
                await Availability.AddExceptionAsync(key, exception);
                saved = true;
                return L["Me_AddedException"];
            }
            catch (DomainValidationException ex)
            {
                _exceptionErrors = FieldErrors.From(ex, L);
                return null;
            }
        });
        StateHasChanged();
        return saved;
    }

    private Task RemoveExceptionAsync(AvailabilityException exception) => RunAsync(async key =>
    {
        await Availability.RemoveExceptionAsync(key, exception);
        return L["Me_RemovedException"];
    });

    private async Task<bool> SaveCapAsync(int cap)
    {
        var saved = false;
        await RunAsync(async key =>
        {
            _capErrors = FieldErrors.None;
            try
            {
                await Availability.SetMonthlyCapAsync(key, cap);
                saved = true;
                return L["Me_SavedCap", cap];
            }
            catch (DomainValidationException ex)
            {
                _capErrors = FieldErrors.From(ex, L);
                return null;
            }
        });
        StateHasChanged();
        return saved;
    }

    private Task PauseAsync() => RunAsync(async key =>
    {
        await Availability.PauseAsync(key);
        return L["Me_Paused"];
    });

    private Task ResumeAsync() => RunAsync(async key =>
    {
        await Availability.ResumeAsync(key);
        return L["Me_Resumed"];
    });

    /// <summary>
    /// Runs one change with the page's key, then reloads what was saved (unsaved grid edits stay,
    /// unless it was the grid that was saved).
    /// The change returns its success message, or null when it reported a field problem itself.
    /// </summary>
    private async Task RunAsync(Func<EditKey, Task<string?>> change, bool keepUnsavedWeekly = true)
    {
        if (_view is null || _busy)
        {
            return;
        }
        _busy = true;
        var unsavedWeekly = keepUnsavedWeekly && WeeklyDirty ? _weekly : null;
        try
        {
            var done = await change(_view.Key);
            if (done is not null)
            {
                Show(done, Severity.Success);
            }
            _view = await Availability.GetAsync();
            _weekly = unsavedWeekly ?? _view?.Weekly ?? [];
        }
        catch (EditConflictException)
        {
            await LoadAsync();
            Show(L["Me_EditConflict"], Severity.Warning);
        }
        catch (DomainRuleException ex)
        {
            await LoadAsync();
            Show(L[$"Error_{ex.Code}"], Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(string message, Severity severity) => (_message, _severity) = (message, severity);
}
