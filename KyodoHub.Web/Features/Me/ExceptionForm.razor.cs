using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The form for one dated exception. It checks the draft with the domain's own rules before
/// handing it up, and shows what the server refused beside the same fields.
/// </summary>
public sealed partial class ExceptionForm
{
    private const string DateField = nameof(AvailabilityException.Date);
    private const string StartField = nameof(AvailabilityException.StartMinute);
    private const string EndField = nameof(AvailabilityException.EndMinute);

    private ExceptionDraft _draft = new();
    private FieldErrors _errors = FieldErrors.None;

    /// <summary>Today in Tokyo: earlier dates are refused.</summary>
    [Parameter, EditorRequired]
    public required DateOnly Today { get; set; }

    /// <summary>Adds the exception; answers whether it was saved (the form then starts afresh).</summary>
    [Parameter, EditorRequired]
    public required Func<AvailabilityException, Task<bool>> OnAdd { get; set; }

    /// <summary>What the server refused, by field.</summary>
    [Parameter]
    public FieldErrors ServerErrors { get; set; } = FieldErrors.None;

    [Parameter]
    public bool Busy { get; set; }

    private FieldErrors Errors => _errors.IsEmpty ? ServerErrors : _errors;

    // A field is checked again once it has been complained about, so the message goes as soon as it is put right.
    private void Recheck(string field)
    {
        if (_errors.Has(field))
        {
            _errors = _errors.With(field, _draft.Validate(Today), L);
        }
    }

    private async Task AddAsync()
    {
        _errors = FieldErrors.From(_draft.Validate(Today), L);
        if (!_errors.IsEmpty)
        {
            return;
        }
        if (await OnAdd(_draft.ToException(Today)))
        {
            _draft = new ExceptionDraft { Choice = _draft.Choice, Start = _draft.Start, End = _draft.End };
        }
    }
}
