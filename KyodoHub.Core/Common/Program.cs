namespace KyodoHub.Core.Common;

/// <summary>
/// The city's talent programmes. A registrant may be in both, and a request may accept either.
/// </summary>
[Flags]
#pragma warning disable CA1714 // The design names this type in the singular.
public enum Program
#pragma warning restore CA1714
{
    None = 0,

    /// <summary>生涯学習市民リーダー: gives lectures and leads learning.</summary>
    LifelongLearningLeader = 1,

    /// <summary>ちょこっとボランティア: short tasks, typically two hours or less.</summary>
    ChokottoVolunteer = 2,

    Both = LifelongLearningLeader | ChokottoVolunteer,
}
