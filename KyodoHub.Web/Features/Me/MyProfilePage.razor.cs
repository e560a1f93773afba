using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The registrant's profile and skills, saved together with one button. Each field is checked as
/// it is left, the whole form before it is sent, and the domain again when saving; every message
/// shows beside its field.
/// </summary>
public sealed partial class MyProfilePage
{
    /// <summary>Fields the form shows messages beside; others' messages go to the summary.</summary>
    private static readonly string[] ShownFields =
    [
        nameof(Registrant.Name), nameof(Registrant.Furigana), nameof(Registrant.Email), nameof(Registrant.Phone),
        nameof(Registrant.HomeAreaId), nameof(Registrant.Languages), nameof(Registrant.Programs), nameof(Registrant.Skills),
        nameof(Registrant.PreferredCategoryIds), nameof(Registrant.LectureThemes), nameof(Registrant.Audiences),
    ];

    private ProfileForm? _form;
    private ProfileChoices? _choices;
    private FieldErrors _errors = FieldErrors.None;
    private string? _message;
    private int _shown;
    private Severity _severity = Severity.Info;
    private bool _loading = true;
    private bool _saving;

    [Inject] private MyProfileService Profile { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        _form = await Profile.GetAsync();
        if (_form is not null)
        {
            _choices = await Profile.ChoicesAsync(_form.Languages);
        }
        _errors = FieldErrors.None;
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        _message = null;
    }

    private void Recheck(string field)
    {
        if (_form is not null)
        {
            _errors = _errors.With(field, _form.Validate(), L);
        }
    }

    private void FuriganaChanged()
    {
        _form?.TidyFurigana();
        Recheck(nameof(Registrant.Furigana));
    }

    // Either contact will do, so a change to one can settle a complaint about the other.
    private void ContactChanged()
    {
        Recheck(nameof(Registrant.Email));
        Recheck(nameof(Registrant.Phone));
    }

    private void LanguagesChanged(IEnumerable<string> languages)
    {
        _form!.Languages = languages.ToList();
        Recheck(nameof(Registrant.Languages));
    }

    private void SkillsChanged(IReadOnlyList<SkillEntry> skills)
    {
        _form!.Skills = skills;
        Recheck(nameof(Registrant.Skills));
    }

    private string CategoryName(int id) =>
        _choices?.Categories.FirstOrDefault(c => c.Id == id) is { } c ? DisplayFormats.Pick(c.NameJa, c.NameEn) : "";

    private async Task SaveAsync()
    {
        if (_form is null || _saving)
        {
            return;
        }
        _form.TidyFurigana();
        _errors = FieldErrors.From(_form.Validate(), L);
        if (!_errors.IsEmpty)
        {
            Show(L["Me_FixErrors"], Severity.Error);
            return;
        }
        _saving = true;
        try
        {
            await Profile.SaveAsync(_form);
            await LoadAsync();
            Show(L["Me_SavedProfile"], Severity.Success);
        }
        catch (DomainValidationException ex)
        {
            _errors = FieldErrors.From(ex, L);
            Show(L["Me_FixErrors"], Severity.Error);
        }
        catch (EditConflictException)
        {
            await LoadAsync();
            Show(L["Me_EditConflict"], Severity.Warning);
        }
        finally
        {
            _saving = false;
        }
    }

    private void Show(string message, Severity severity) => (_message, _severity, _shown) = (message, severity, _shown + 1);
}
