namespace KyodoHub.Core.Matching;

/// <summary>
/// The soft components of a match score, each in 0..1, as a coordinator reads them. The total is
/// their weighted mean under the weights in force when it was computed.
/// </summary>
public sealed record ScoreBreakdown(
    double SkillFit,
    double Proximity,
    double Slack,
    double Fairness,
    double Reliability,
    double Preference)
{
    /// <summary>All components zero.</summary>
    public static ScoreBreakdown Zero { get; } = new(0, 0, 0, 0, 0, 0);
}
