using KyodoHub.Core.Groups;
using KyodoHub.Core.Requests;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Ranks a <see cref="MatchIndex"/>'s registrants for a request: hard constraints exclude, soft
/// components score, and the best few come back with their breakdown. Stateless apart from the
/// clock, so one instance can serve every caller; one call uses one thread.
/// </summary>
/// <param name="clock">Where "today" comes from (recent activities, time since registration).</param>
public sealed class MatchEngine(TimeProvider clock)
{
    /// <summary>Candidates returned when the caller does not say.</summary>
    public const int DefaultTopK = 20;

    /// <summary>Excluded registrants reported when the caller does not say.</summary>
    public const int DefaultExcludedSample = 50;

    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Ranks the index's registrants for a request.</summary>
    /// <param name="index">The registrants.</param>
    /// <param name="request">The request; its sessions, programmes, languages, skills, area, category and group are used.</param>
    /// <param name="groupKind">The kind of the requesting group, for preference fit.</param>
    /// <param name="weights">Weights for this call; <see cref="MatchWeights.Default"/> when null.</param>
    /// <param name="topK">How many candidates to return at most.</param>
    /// <param name="excludedSample">How many excluded registrants to report at most (see <see cref="MatchResult.Excluded"/>).</param>
    /// <returns>The best candidates, a sample of the excluded ones, and counts per reason. The same input gives the same result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topK"/> or <paramref name="excludedSample"/> is negative, or the group kind is unknown.</exception>
    public MatchResult Rank(
        MatchIndex index,
        Request request,
        GroupKind groupKind,
        MatchWeights? weights = null,
        int topK = DefaultTopK,
        int excludedSample = DefaultExcludedSample)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        ArgumentOutOfRangeException.ThrowIfNegative(excludedSample);
        var plan = Plan(index, request, groupKind, weights);

        var ranked = new TopHeap(Math.Min(topK, index.Count));
        var excluded = new TopHeap(Math.Min(excludedSample, index.Count));
        Span<int> counts = stackalloc int[ExclusionReasons.All.Count];
        counts.Clear();
        var eligible = 0;
        Span<int> bits = stackalloc int[MatchIndex.MaxPageSize];
        var pages = index.Pages;
        for (var p = 0; p < pages.Length; p++)
        {
            var page = pages[p];
            var ids = page.Ids;
            RowScorer.Exclusions(page, 0, page.Count, plan, bits);
            eligible += RowScorer.CountReasons(bits[..page.Count], counts);
            for (var slot = 0; slot < ids.Length; slot++)
            {
                if ((bits[slot] & ExclusionReasons.AllBits) == 0)
                {
                    if (ranked.Capacity > 0
                        && ranked.Admits(RowScorer.TotalUpperBound(page, slot, plan, RowScorer.SkillFitUpperBound(page, slot, plan)), ids[slot]))
                    {
                        var skillFit = RowScorer.SkillFit(page, slot, plan);
                        if (ranked.Admits(RowScorer.TotalUpperBound(page, slot, plan, skillFit), ids[slot]))
                        {
                            var dayByDay = (bits[slot] & RowScorer.DayByDayFlag) != 0;
                            ranked.Offer(RowScorer.Total(page, slot, plan, dayByDay, skillFit), ids[slot], p, slot);
                        }
                    }
                }
                // Most excluded registrants hold no needed tag; once the sample is full of
                // better fits, they are dismissed without reading anything else.
                else if (excluded.Capacity > 0
                    && (RowScorer.HoldsANeededTag(page, slot, plan) || excluded.Admits(RowScorer.WithoutNeededTagBound, ids[slot]))
                    && excluded.Admits(RowScorer.SkillFitUpperBound(page, slot, plan), ids[slot]))
                {
                    excluded.Offer(RowScorer.SkillFit(page, slot, plan), ids[slot], p, slot);
                }
            }
        }

        var best = ranked.DrainBestFirst();
        var candidates = new RankedCandidate[best.Length];
        for (var i = 0; i < best.Length; i++)
        {
            var e = best[i];
            var page = pages[e.Page];
            var c = RowScorer.Components(page, e.Slot, plan, (Evaluate(page, e.Slot, plan) & RowScorer.DayByDayFlag) != 0);
            var breakdown = new ScoreBreakdown(c.SkillFit, c.Proximity, c.Slack, c.Fairness, c.Reliability, c.Preference);
            candidates[i] = new RankedCandidate(e.Id, e.Key, breakdown);
        }
        var sample = excluded.DrainBestFirst();
        var excludedCandidates = new ExcludedCandidate[sample.Length];
        for (var i = 0; i < sample.Length; i++)
        {
            var e = sample[i];
            var page = pages[e.Page];
            var reasons = Evaluate(page, e.Slot, plan) & ExclusionReasons.AllBits;
            excludedCandidates[i] = new ExcludedCandidate(e.Id, ExclusionReasons.FromMask(reasons), e.Key);
        }
        var countsByReason = new Dictionary<ExclusionReason, int>(counts.Length);
        for (var i = 0; i < counts.Length; i++)
        {
            countsByReason[(ExclusionReason)(i + 1)] = counts[i];
        }
        return new MatchResult(candidates, excludedCandidates, countsByReason, eligible, index.Count - eligible, plan.Weights);
    }

    /// <summary>Why one registrant is excluded from a request, or how they score for it.</summary>
    /// <returns>The explanation, or null when the registrant is not in the index.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The group kind is unknown.</exception>
    public MatchExplanation? Explain(MatchIndex index, Request request, GroupKind groupKind, int registrantId, MatchWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var plan = Plan(index, request, groupKind, weights);
        if (!index.Locate(registrantId, out var p, out var slot))
        {
            return null;
        }
        var page = index.Pages[p];
        var bits = Evaluate(page, slot, plan);
        var c = RowScorer.Components(page, slot, plan, (bits & RowScorer.DayByDayFlag) != 0);
        return new MatchExplanation(
            registrantId,
            ExclusionReasons.FromMask(bits & ExclusionReasons.AllBits),
            plan.Weights.Total(c.SkillFit, c.Proximity, c.Slack, c.Fairness, c.Reliability, c.Preference),
            new ScoreBreakdown(c.SkillFit, c.Proximity, c.Slack, c.Fairness, c.Reliability, c.Preference));
    }

    private static int Evaluate(IndexPage page, int slot, RequestPlan plan)
    {
        Span<int> bits = stackalloc int[1];
        RowScorer.Exclusions(page, slot, slot + 1, plan, bits);
        return bits[0];
    }

    private RequestPlan Plan(MatchIndex index, Request request, GroupKind groupKind, MatchWeights? weights)
    {
        if (!Enum.IsDefined(groupKind))
        {
            throw new ArgumentOutOfRangeException(nameof(groupKind), groupKind, "Unknown group kind.");
        }
        return new RequestPlan(index.Schema, request, groupKind, weights ?? MatchWeights.Default, _clock.GetUtcNow());
    }
}
