using KyodoHub.Core.Common;
using KyodoHub.Core.Skills;

namespace KyodoHub.Core.Registrants;

/// <summary>Whether a registrant can currently be offered activities.</summary>
public enum RegistrantStatus
{
    Active = 0,
    Paused = 1,
    Retired = 2,
}

/// <summary>How a citizen leader charges for a lecture.</summary>
public enum FeePolicy
{
    Free = 0,          // 無償
    ExpensesOnly = 1,  // 実費のみ
    Fee = 2,           // 謝礼あり
}

/// <summary>A skill a registrant holds, with its level.</summary>
public sealed record RegistrantSkill
{
    public RegistrantSkill(int tagId, SkillLevel level)
    {
        TagId = Guard.PositiveId(tagId, nameof(TagId));
        Level = Guard.Defined(level, nameof(Level));
    }

    public int TagId { get; }
    public SkillLevel Level { get; }
}

/// <summary>
/// The registrant's consent to the purpose of use of their personal data (個人情報の利用目的),
/// recorded when they register.
/// </summary>
public sealed record ConsentRecord
{
    public ConsentRecord(DateTimeOffset givenAt, string purposeVersion, string recordedBy)
    {
        GivenAt = givenAt.ToUniversalTime();
        PurposeVersion = Guard.Required(purposeVersion, nameof(PurposeVersion), 20);
        RecordedBy = Guard.Required(recordedBy, nameof(RecordedBy), 256);
    }

    public DateTimeOffset GivenAt { get; }
    public string PurposeVersion { get; }

    /// <summary>Who took the consent: the registrant themselves or the desk staff member.</summary>
    public string RecordedBy { get; }
}

/// <summary>A citizen leader's lecture offering (講座テーマ, audiences, fee policy).</summary>
public sealed record LeaderProfile
{
    public LeaderProfile(IEnumerable<string> lectureThemes, string? audiences, FeePolicy feePolicy)
    {
        LectureThemes = lectureThemes.Select(t => Guard.Required(t, nameof(LectureThemes), 100)).Distinct().ToList();
        if (LectureThemes.Count > 20)
        {
            throw new DomainValidationException(nameof(LectureThemes), "TooMany", "At most 20 lecture themes.");
        }
        Audiences = Guard.Optional(audiences, nameof(Audiences), 200);
        FeePolicy = Guard.Defined(feePolicy, nameof(FeePolicy));
    }

    public IReadOnlyList<string> LectureThemes { get; }
    public string Audiences { get; }
    public FeePolicy FeePolicy { get; }
}
