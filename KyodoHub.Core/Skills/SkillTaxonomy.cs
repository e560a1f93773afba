using KyodoHub.Core.Common;

namespace KyodoHub.Core.Skills;

/// <summary>The first level of the skill taxonomy, e.g. 教育・学習 (teaching).</summary>
public sealed class SkillCategory
{
    private SkillCategory() { }

    public SkillCategory(int id, string nameJa, string nameEn)
    {
        Id = id;
        Rename(nameJa, nameEn);
    }

    public int Id { get; private set; }
    public string NameJa { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    public void Rename(string nameJa, string nameEn)
    {
        NameJa = Guard.Required(nameJa, nameof(NameJa), 50);
        NameEn = Guard.Required(nameEn, nameof(NameEn), 50);
    }
}

/// <summary>
/// A skill tag under a category, with Japanese and English names and synonyms (other words or
/// readings people use for it). Tags in the same category are taxonomy neighbours.
/// </summary>
public sealed class SkillTag
{
    private SkillTag() { }

    public SkillTag(int id, int categoryId, string nameJa, string nameEn, IEnumerable<string>? synonyms = null)
    {
        Id = id;
        CategoryId = Guard.PositiveId(categoryId, nameof(CategoryId));
        Update(nameJa, nameEn, synonyms ?? []);
    }

    public int Id { get; private set; }
    public int CategoryId { get; private set; }
    public string NameJa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public List<string> Synonyms { get; private set; } = [];

    public void Update(string nameJa, string nameEn, IEnumerable<string> synonyms)
    {
        NameJa = Guard.Required(nameJa, nameof(NameJa), 50);
        NameEn = Guard.Required(nameEn, nameof(NameEn), 50);
        Synonyms = synonyms.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (Synonyms.Any(s => s.Length > 50))
        {
            throw new DomainValidationException(nameof(Synonyms), "TooLong", "Synonyms must be at most 50 characters each.");
        }
    }
}

/// <summary>How well a registrant masters a skill.</summary>
public enum SkillLevel
{
    /// <summary>初級: some experience.</summary>
    Beginner = 1,

    /// <summary>中級: regular practice.</summary>
    Experienced = 2,

    /// <summary>上級: can teach or lead it.</summary>
    Expert = 3,
}
