using KyodoHub.Core.Common;

namespace KyodoHub.Core.Matching;

/// <summary>
/// How much each soft component counts in a match total. Weights are relative: the total is the
/// weighted mean <c>Σ wᵢcᵢ / Σ wᵢ</c>, so it stays in 0..1 whatever their scale. A coordinator's
/// "what if proximity mattered more?" is a new instance passed to one ranking call.
/// </summary>
/// <remarks>
/// The properties have no <c>init</c> accessors on purpose: a <c>with</c> expression would bypass
/// the constructor's validation.
/// </remarks>
public sealed record MatchWeights
{
    /// <summary>Creates weights; each must be a finite number ≥ 0 and at least one above 0.</summary>
    /// <exception cref="DomainValidationException">A weight is negative or not finite, or all are zero.</exception>
    public MatchWeights(double skillFit, double proximity, double slack, double fairness, double reliability, double preference)
    {
        SkillFit = Valid(skillFit, nameof(SkillFit));
        Proximity = Valid(proximity, nameof(Proximity));
        Slack = Valid(slack, nameof(Slack));
        Fairness = Valid(fairness, nameof(Fairness));
        Reliability = Valid(reliability, nameof(Reliability));
        Preference = Valid(preference, nameof(Preference));
        Sum = SkillFit + Proximity + Slack + Fairness + Reliability + Preference;
        if (Sum <= 0)
        {
            throw new DomainValidationException(nameof(MatchWeights), "AllZero", "At least one weight must be above zero.");
        }
        if (double.IsInfinity(Sum))
        {
            throw new DomainValidationException(nameof(MatchWeights), "OutOfRange", "The weights are too large.");
        }
    }

    /// <summary>
    /// The product's defaults: skills first, then the city's fairness aim (registered talent should
    /// actually get used), reliability and distance, then preferences and slack.
    /// </summary>
    public static MatchWeights Default { get; } = new(
        skillFit: 0.40,
        proximity: 0.15,
        slack: 0.05,
        fairness: 0.15,
        reliability: 0.15,
        preference: 0.10);

    /// <summary>Weight of <see cref="ScoreBreakdown.SkillFit"/>.</summary>
    public double SkillFit { get; }

    /// <summary>Weight of <see cref="ScoreBreakdown.Proximity"/>.</summary>
    public double Proximity { get; }

    /// <summary>Weight of <see cref="ScoreBreakdown.Slack"/>.</summary>
    public double Slack { get; }

    /// <summary>Weight of <see cref="ScoreBreakdown.Fairness"/>.</summary>
    public double Fairness { get; }

    /// <summary>Weight of <see cref="ScoreBreakdown.Reliability"/>.</summary>
    public double Reliability { get; }

    /// <summary>Weight of <see cref="ScoreBreakdown.Preference"/>.</summary>
    public double Preference { get; }

    /// <summary>The sum of all weights (always above zero).</summary>
    public double Sum { get; }

    /// <summary>The weighted mean of a breakdown's components, in 0..1.</summary>
    public double Total(ScoreBreakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        return Total(breakdown.SkillFit, breakdown.Proximity, breakdown.Slack, breakdown.Fairness, breakdown.Reliability, breakdown.Preference);
    }

    // The one place the total is computed, so that every path gives bit-identical totals and
    // rankings do not depend on which path scored a candidate.
    internal double Total(double skillFit, double proximity, double slack, double fairness, double reliability, double preference) =>
        ((SkillFit * skillFit) + (Proximity * proximity) + (Slack * slack) + (Fairness * fairness)
            + (Reliability * reliability) + (Preference * preference)) / Sum;

    private static double Valid(double weight, string field)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new DomainValidationException(field, "Negative", $"The {field} weight must be zero or more.");
        }
        return weight;
    }
}
