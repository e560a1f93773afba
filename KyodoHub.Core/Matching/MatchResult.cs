namespace KyodoHub.Core.Matching;

/// <summary>A registrant who passed every hard constraint, with their total and its components.</summary>
/// <param name="RegistrantId">The registrant.</param>
/// <param name="Total">Weighted mean of the components under the weights of the call, in 0..1.</param>
/// <param name="Breakdown">The soft components, each in 0..1.</param>
public sealed record RankedCandidate(int RegistrantId, double Total, ScoreBreakdown Breakdown);

/// <summary>A registrant kept off the list, with every hard constraint they fail.</summary>
/// <param name="RegistrantId">The registrant.</param>
/// <param name="Reasons">Every reason that applies, in display order; never empty.</param>
/// <param name="SkillFit">Their skill fit for the request, by which excluded registrants are reported.</param>
public sealed record ExcludedCandidate(int RegistrantId, IReadOnlyList<ExclusionReason> Reasons, double SkillFit);

/// <summary>The outcome of ranking one request.</summary>
/// <param name="Ranked">The best candidates, best first; ties are broken by the lower registrant id.</param>
/// <param name="Excluded">
/// A bounded sample of the excluded registrants: those with the best skill fit (ties by the lower
/// id), so that a coordinator sees why the people who look right are missing. Ask
/// <see cref="MatchEngine.Explain"/> about anyone else.
/// </param>
/// <param name="CountsByReason">
/// For every reason, how many registrants it applies to. A registrant excluded for two reasons is
/// counted under both, so the counts may add up to more than <paramref name="ExcludedCount"/>.
/// </param>
/// <param name="EligibleCount">Registrants who passed every hard constraint (may exceed <c>Ranked.Count</c>).</param>
/// <param name="ExcludedCount">Registrants excluded by at least one hard constraint.</param>
/// <param name="Weights">The weights the totals were computed with.</param>
public sealed record MatchResult(
    IReadOnlyList<RankedCandidate> Ranked,
    IReadOnlyList<ExcludedCandidate> Excluded,
    IReadOnlyDictionary<ExclusionReason, int> CountsByReason,
    int EligibleCount,
    int ExcludedCount,
    MatchWeights Weights);

/// <summary>Why one registrant is excluded from a request, or how they score for it.</summary>
/// <param name="RegistrantId">The registrant.</param>
/// <param name="Reasons">Every hard constraint they fail, in display order; empty when eligible.</param>
/// <param name="Total">The total they score (computed even when excluded, for comparison).</param>
/// <param name="Breakdown">The soft components (computed even when excluded).</param>
public sealed record MatchExplanation(int RegistrantId, IReadOnlyList<ExclusionReason> Reasons, double Total, ScoreBreakdown Breakdown)
{
    /// <summary>Whether a hard constraint keeps the registrant off the list.</summary>
    public bool IsExcluded => Reasons.Count > 0;
}
