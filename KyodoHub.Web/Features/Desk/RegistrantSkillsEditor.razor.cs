using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Features.Me;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Features.Desk;

/// <summary>
/// Staff change a registrant's skills, levels and languages for them, with the registrant's own
/// skill editor and save (<see cref="MyProfileService.SaveSkillsAsync"/>).
/// </summary>
public sealed partial class RegistrantSkillsEditor
{
    private ProfileChoices? _choices;
    private IReadOnlyList<SkillEntry> _skills = [];
    private IReadOnlyCollection<string> _languages = [];
    private FieldErrors _errors = FieldErrors.None;

    [Inject] private MyProfileService Profile { get; set; } = null!;

    private bool Dirty => !_skills.SequenceEqual(Record.SkillEntries) || !_languages.Order().SequenceEqual(Record.Languages.Order());

    protected override async Task OnParametersSetAsync()
    {
        if (TakeReloadedRecord())
        {
            _skills = Record.SkillEntries;
            _languages = Record.Languages.ToList();
            _errors = FieldErrors.None;
        }
        _choices ??= await Profile.ChoicesAsync(Record.Languages);
    }

    private void SkillsChanged(IReadOnlyList<SkillEntry> skills)
    {
        _skills = skills;
        _errors = _errors.Without(nameof(Registrant.Skills));
    }

    private void LanguagesChanged(IEnumerable<string> languages)
    {
        _languages = languages.ToList();
        _errors = _errors.Without(nameof(Registrant.Languages));
    }

    private async Task SaveSkillsAsync() =>
        (_, _errors) = await SaveAsync(() => Profile.SaveSkillsAsync(Record.Key, _skills, _languages), L["RegistrantSkillsSaved", Record.Name]);
}
