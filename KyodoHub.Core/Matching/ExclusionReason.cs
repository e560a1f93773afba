using System.Collections.ObjectModel;
using System.Globalization;

namespace KyodoHub.Core.Matching;

/// <summary>
/// A hard constraint that keeps a registrant off a request's candidate list. The names are stable
/// keys (they may be stored or used as resource keys); the values give the display order.
/// </summary>
public enum ExclusionReason
{
    /// <summary>The registrant is paused or retired.</summary>
    NotActive = 1,

    /// <summary>The registrant is in none of the programmes the request accepts.</summary>
    ProgramMismatch = 2,

    /// <summary>The request needs a language the registrant does not work in.</summary>
    LanguageMissing = 3,

    /// <summary>At least one session falls outside the registrant's availability (weekly pattern and dated exceptions, Asia/Tokyo).</summary>
    NotAvailable = 4,

    /// <summary>A confirmed activity of the registrant overlaps a session.</summary>
    AlreadyCommitted = 5,

    /// <summary>One more activity would exceed the registrant's monthly cap in a month a session falls in.</summary>
    MonthlyCapReached = 6,

    /// <summary>The registrant declined an offer from this group before.</summary>
    DeclinedThisGroup = 7,

    /// <summary>This group declined the registrant before.</summary>
    DeclinedByThisGroup = 8,

    /// <summary>The registrant and this group are blocked from each other (<c>Registrant.BlockedGroupIds</c>).</summary>
    GroupBlocked = 9,

    /// <summary>The request excludes those without a required skill (<see cref="Requests.RequiredSkillRule.Exclude"/>), and the registrant lacks one.</summary>
    RequiredSkillMissing = 10,
}

/// <summary>Readable Japanese and English text for <see cref="ExclusionReason"/>, and the reason sets the engine hands out.</summary>
public static class ExclusionReasons
{
    /// <summary>Every reason, in display order.</summary>
    public static IReadOnlyList<ExclusionReason> All { get; } = Array.AsReadOnly(Enum.GetValues<ExclusionReason>());

    private static readonly string[] Japanese =
    [
        "",
        "活動を休止中、または登録を終了しています。",
        "依頼の対象制度に登録していません。",
        "依頼に必要な言語に対応していません。",
        "いずれかの日程が活動可能な時間に入っていません。",
        "同じ時間帯に確定済みの活動があります。",
        "その月の活動回数の上限に達しています。",
        "この団体からの打診を以前に辞退しています。",
        "この団体から以前に辞退されています。",
        "この団体とは活動しない設定になっています。",
        "依頼に必須のスキルを持っていません。",
    ];

    private static readonly string[] English =
    [
        "",
        "Paused or retired.",
        "Not registered in a programme this request accepts.",
        "Does not work in a language the request needs.",
        "Not available for every session.",
        "Already committed to another activity at an overlapping time.",
        "Monthly activity cap reached.",
        "Declined an offer from this group before.",
        "This group declined them before.",
        "Blocked for this group.",
        "Lacks a skill the request requires.",
    ];

    // Every combination of reasons as a shared read-only list, so that reporting an excluded
    // registrant allocates no list of its own.
    private static readonly ReadOnlyCollection<ExclusionReason>[] Sets = CreateSets();

    /// <summary>
    /// The text for a reason in a language: <c>"ja"</c> or <c>"en"</c>; a culture name such as
    /// <c>"en-US"</c> uses its language. Anything else falls back to Japanese, the product's first language.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The reason is not a defined value.</exception>
    public static string Describe(ExclusionReason reason, string? language)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason.");
        }
        var english = language is not null
            && language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            && (language.Length == 2 || language[2] is '-' or '_');
        return (english ? English : Japanese)[(int)reason];
    }

    /// <summary>The text for a reason in a culture's language (see <see cref="Describe(ExclusionReason, string?)"/>).</summary>
    public static string Describe(ExclusionReason reason, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Describe(reason, culture.TwoLetterISOLanguageName);
    }

    /// <summary>Bit of a reason in the engine's reason masks.</summary>
    internal static int Bit(ExclusionReason reason) => 1 << ((int)reason - 1);

    /// <summary>The reasons in a mask, in display order.</summary>
    internal static IReadOnlyList<ExclusionReason> FromMask(int mask) => Sets[mask];

    /// <summary>A mask with every reason's bit.</summary>
    internal const int AllBits = (1 << (int)ExclusionReason.RequiredSkillMissing) - 1;

    private static ReadOnlyCollection<ExclusionReason>[] CreateSets()
    {
        var count = Enum.GetValues<ExclusionReason>().Length;
        var sets = new ReadOnlyCollection<ExclusionReason>[1 << count];
        for (var mask = 0; mask < sets.Length; mask++)
        {
            var list = new List<ExclusionReason>();
            for (var bit = 0; bit < count; bit++)
            {
                if ((mask & (1 << bit)) != 0)
                {
                    list.Add((ExclusionReason)(bit + 1));
                }
            }
            sets[mask] = list.AsReadOnly();
        }
        return sets;
    }
}
