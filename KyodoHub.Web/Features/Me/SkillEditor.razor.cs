using KyodoHub.Core.Skills;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The skills on the profile form: each with its level, removable, and new ones picked from the
/// taxonomy by field, skill and level. Changes are reported up; the list itself is the parent's.
/// </summary>
public sealed partial class SkillEditor
{
    private int? _categoryId;
    private int? _tagId;
    private SkillLevel _level = SkillLevel.Experienced;

    [Parameter, EditorRequired]
    public required IReadOnlyList<SkillEntry> Skills { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<SkillEntry>> SkillsChanged { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<SkillCategory> Categories { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<SkillTag> Tags { get; set; }

    [Parameter]
    public string? ErrorText { get; set; }

    private string TagName(int id) => Tags.FirstOrDefault(t => t.Id == id) is { } t ? DisplayFormats.Pick(t.NameJa, t.NameEn) : $"#{id}";

    private string CategoryOf(int tagId) =>
        Tags.FirstOrDefault(t => t.Id == tagId) is { } t && Categories.FirstOrDefault(c => c.Id == t.CategoryId) is { } c
            ? DisplayFormats.Pick(c.NameJa, c.NameEn)
            : "";

    private Task ChangeLevelAsync(int tagId, SkillLevel level) =>
        SkillsChanged.InvokeAsync(Skills.Select(s => s.TagId == tagId ? s with { Level = level } : s).ToList());

    private Task RemoveAsync(int tagId) => SkillsChanged.InvokeAsync(Skills.Where(s => s.TagId != tagId).ToList());

    private async Task AddAsync()
    {
        if (_tagId is not { } tagId)
        {
            return;
        }
        var added = Skills.Append(new SkillEntry(tagId, _level)).ToList();
        _tagId = null;
        await SkillsChanged.InvokeAsync(added);
    }
}
