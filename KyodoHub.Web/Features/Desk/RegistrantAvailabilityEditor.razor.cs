using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Features.Me;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Features.Desk;

/// <summary>
/// Staff change a registrant's weekly availability and dated exceptions for them, with the
/// registrant's own grid, exception form and saves (<see cref="MyAvailabilityService"/>).
/// </summary>
public sealed partial class RegistrantAvailabilityEditor
{
    private IReadOnlyList<AvailabilityWindow> _weekly = [];
    private FieldErrors _exceptionErrors = FieldErrors.None;
    private string? _weeklyError;

    [Inject] private MyAvailabilityService Availability { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private DateOnly Today => TokyoTime.Today(Clock);

    private bool WeeklyDirty => !_weekly.SequenceEqual(Record.WeeklyAvailability);

    protected override void OnParametersSet()
    {
        if (TakeReloadedRecord())
        {
            _weekly = Record.WeeklyAvailability;
            _weeklyError = null;
        }
    }

    private void WeeklyChanged(IReadOnlyList<AvailabilityWindow> windows)
    {
        _weekly = windows;
        _weeklyError = null;
    }

    private async Task SaveWeeklyAsync()
    {
        var (_, errors) = await SaveAsync(() => Availability.SaveWeeklyAsync(Record.Key, _weekly), L["RegistrantWeeklySaved", Record.Name]);
        _weeklyError = errors.Fields.Select(errors.For).FirstOrDefault();
    }

    private async Task<bool> AddExceptionAsync(AvailabilityException exception)
    {
        (var saved, _exceptionErrors) = await SaveAsync(() => Availability.AddExceptionAsync(Record.Key, exception), L["Me_AddedException"]);
        StateHasChanged();
        return saved;
    }

    private Task RemoveExceptionAsync(AvailabilityException exception) =>
        SaveAsync(() => Availability.RemoveExceptionAsync(Record.Key, exception), L["Me_RemovedException"]);
}
