using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The monthly cap (1–31), checked as it is typed and again by the domain when saved.
/// </summary>
public sealed partial class MonthlyCapForm
{
    private const string Field = nameof(Registrant.MonthlyCap);

    private int? _value;
    private int _shownCap;
    private FieldErrors _errors = FieldErrors.None;

    [Parameter, EditorRequired]
    public required int Cap { get; set; }

    /// <summary>Saves the cap; answers whether it was saved.</summary>
    [Parameter, EditorRequired]
    public required Func<int, Task<bool>> OnSave { get; set; }

    [Parameter]
    public FieldErrors ServerErrors { get; set; } = FieldErrors.None;

    [Parameter]
    public bool Busy { get; set; }

    private FieldErrors Errors => _errors.IsEmpty ? ServerErrors : _errors;

    protected override void OnParametersSet()
    {
        // Follows the saved cap when it changes (after a save or a reload), not on every render.
        if (Cap != _shownCap)
        {
            (_value, _shownCap) = (Cap, Cap);
        }
    }

    private List<DomainValidationException> Validate() => ValidationText.Collect(() =>
    {
        if (_value is not { } cap)
        {
            throw new DomainValidationException(Field, "Required", "Enter a number.");
        }
        Guard.InRange(cap, Field, 1, Registrant.MaxMonthlyCap);
    });

    private void Recheck() => _errors = FieldErrors.From(Validate(), L);

    private async Task SaveAsync()
    {
        Recheck();
        if (_errors.IsEmpty && _value is { } cap)
        {
            await OnSave(cap);
        }
    }
}
