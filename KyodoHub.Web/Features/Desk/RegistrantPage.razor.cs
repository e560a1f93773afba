using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Desk;

/// <summary>
/// A registrant's page for staff: everything the centre knows of them but their contact details,
/// which one click shows (and the audit log records), a form for the profile, and the registrant's
/// own editors for skills, languages and availability, for staff taking a caller's changes.
/// </summary>
public partial class RegistrantPage
{
    private RegistrantRecord? _record;
    private RegistrantEditForm? _form;
    private ReferenceLists? _lists;
    private FormErrors _errors = null!;
    private DateTimeOffset _now;
    private bool _loaded;
    private bool _saving;
    private bool _editSkills;
    private bool _editAvailability;
    private string? _message;
    private Severity _severity;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private RegistrantRecordService Records { get; set; } = null!;

    [Inject]
    private ReferenceData Reference { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override void OnInitialized() => _errors = new FormErrors(L);

    protected override async Task OnParametersSetAsync()
    {
        _form = null;
        _editSkills = false;
        _editAvailability = false;
        _message = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _now = Time.GetUtcNow();
        _record = await Records.GetAsync(Id);
        _loaded = true;
    }

    private async Task StartEditing()
    {
        _lists ??= await Reference.LoadAsync();
        _errors.Clear();
        _message = null;
        _form = RegistrantEditForm.From(_record!);
    }

    private void StopEditing()
    {
        _errors.Clear();
        _form = null;
    }

    /// <summary>After a change made in one of the section editors: the saved record, and what happened.</summary>
    private async Task ShowOutcomeAsync(StaffEditOutcome outcome)
    {
        await LoadAsync();
        (_message, _severity) = (outcome.Message, outcome.Severity);
    }

    private async Task SaveAsync()
    {
        _errors.Clear();
        _saving = true;
        try
        {
            await Records.SaveAsync(_form!);
            _form = null;
            await LoadAsync();
            (_message, _severity) = (L["RegistrantSaved", _record?.Name ?? ""], Severity.Success);
        }
        catch (DomainValidationException ex)
        {
            _errors.Add(ex);
        }
        catch (EditConflictException)
        {
            (_message, _severity) = (L["RegistrantConflict"], Severity.Warning);
            _form = null;
            await LoadAsync();
        }
        catch (DomainRuleException ex)
        {
            (_message, _severity) = (KyodoHub.Web.Localization.RuleMessages.Of(L, ex), Severity.Warning);
        }
        finally
        {
            _saving = false;
        }
    }

    private static string Window(AvailabilityWindow w) =>
        $"{System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(w.Day)} {Clock(w.StartMinute)}–{Clock(w.EndMinute)}";

    private string ExceptionText(AvailabilityException e) =>
        L[$"Me_ExceptionText_{e.Kind}", DisplayFormats.Date(e.Date), e.IsWholeDay ? L["Me_WholeDay"].Value : $"{Clock(e.StartMinute)}–{Clock(e.EndMinute)}"];

    private static string Clock(int minute) => $"{minute / 60}:{minute % 60:00}";
}
