using KyodoHub.Core.Matching;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Matching;

/// <summary>A ranked candidate as the coordinator sees them: no contact details.</summary>
public sealed record CandidateView(
    int RegistrantId, string Name, string Furigana, string AreaJa, string AreaEn, Core.Common.Program Programs,
    double Total, ScoreBreakdown Breakdown, IReadOnlyList<string> MatchedSkillsJa, IReadOnlyList<string> MatchedSkillsEn, bool AlreadyOffered);

public sealed record ExcludedView(int RegistrantId, string Name, IReadOnlyList<ExclusionReason> Reasons);

/// <summary>A registrant found by name, furigana or number, and why they are not a candidate (no reasons: they are one).</summary>
public sealed record WhyNotView(int RegistrantId, string Name, string Furigana, IReadOnlyList<ExclusionReason> Reasons, bool AlreadyOffered);

public sealed record RankingView(
    int RequestId, IReadOnlyList<CandidateView> Candidates, IReadOnlyList<ExcludedView> Excluded,
    IReadOnlyDictionary<ExclusionReason, int> CountsByReason, int EligibleCount, int ExcludedCount, MatchWeights Weights);

/// <summary>
/// Ranks the registrants for one request with the match engine and the live index, and explains
/// single candidates. Registrants already offered this request are marked, so that a coordinator
/// does not offer twice; weights passed in are tried, never saved.
/// </summary>
public sealed class CandidateRanking(IDbContextFactory<KyodoDbContext> factory, MatchIndexHolder indexHolder, MatchEngine engine, CurrentUser currentUser)
{
    public async Task<RankingView> RankAsync(int requestId, MatchWeights? weights = null, int topK = MatchEngine.DefaultTopK, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        return await RankUncheckedAsync(requestId, weights, topK, cancellationToken);
    }

    /// <summary>Ranking for callers that checked access themselves (the API's key scope, the offer service).</summary>
    internal async Task<RankingView> RankUncheckedAsync(int requestId, MatchWeights? weights, int topK, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (request, kind) = await LoadAsync(db, requestId, cancellationToken);
        var offered = await OfferedAsync(db, requestId, cancellationToken);
        var index = await indexHolder.GetAsync(cancellationToken);
        // Ask for extra so that the already-offered can be shown without pushing others off the list.
        var result = engine.Rank(index, request, kind, weights, topK + offered.Count);
        var ids = result.Ranked.Select(c => c.RegistrantId).Concat(result.Excluded.Select(e => e.RegistrantId)).ToList();
        var people = await db.Registrants.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Furigana, r.HomeAreaId, r.Programs, Skills = r.Skills.Select(s => s.TagId).ToList() })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        var wanted = request.RequiredSkillIds.Concat(request.WelcomeSkillIds).ToHashSet();
        var tags = await db.SkillTags.AsNoTracking().Where(t => wanted.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

        var candidates = result.Ranked
            .Where(c => people.ContainsKey(c.RegistrantId))
            .Select(c =>
            {
                var p = people[c.RegistrantId];
                var matched = p.Skills.Where(tags.ContainsKey).Select(id => tags[id]).ToList();
                return new CandidateView(c.RegistrantId, p.Name, p.Furigana, areas[p.HomeAreaId].NameJa, areas[p.HomeAreaId].NameEn, p.Programs,
                    c.Total, c.Breakdown, matched.Select(t => t.NameJa).ToList(), matched.Select(t => t.NameEn).ToList(), offered.Contains(c.RegistrantId));
            })
            .Take(topK + offered.Count(o => result.Ranked.Any(r => r.RegistrantId == o)))
            .ToList();
        // Those already assigned here show as committed at this very time: they are not "excluded".
        var excluded = result.Excluded
            .Where(e => people.ContainsKey(e.RegistrantId) && !offered.Contains(e.RegistrantId))
            .Select(e => new ExcludedView(e.RegistrantId, people[e.RegistrantId].Name, e.Reasons))
            .ToList();
        return new RankingView(requestId, candidates, excluded, result.CountsByReason, result.EligibleCount, result.ExcludedCount, result.Weights);
    }

    /// <summary>Most registrants one "why not?" search explains.</summary>
    public const int WhyNotLimit = 20;

    /// <summary>
    /// "Why isn't X a candidate?": every registrant whose name or furigana contains the text (kana
    /// and width folded), or whose number it is, with the reasons that keep them off the list.
    /// Searches all registrants, not only the excluded sample of a ranking.
    /// </summary>
    public async Task<IReadOnlyList<WhyNotView>> WhyNotAsync(int requestId, string? text, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        var folded = Core.Text.TextFolding.Fold(text ?? "");
        if (folded.Length == 0)
        {
            return [];
        }
        var digits = folded.TrimStart('#', 'n', 'o', '.');
        var number = int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (request, kind) = await LoadAsync(db, requestId, cancellationToken);
        var found = await db.Registrants.AsNoTracking()
            .Where(r => r.Id == number || r.SearchKey.Contains(folded))
            .OrderBy(r => r.Id == number ? 0 : 1).ThenBy(r => r.Furigana).ThenBy(r => r.Id)
            .Take(WhyNotLimit)
            .Select(r => new { r.Id, r.Name, r.Furigana })
            .ToListAsync(cancellationToken);
        var offered = await OfferedAsync(db, requestId, cancellationToken);
        var index = await indexHolder.GetAsync(cancellationToken);
        return found
            .Select(r => (r, explanation: engine.Explain(index, request, kind, r.Id)))
            .Where(x => x.explanation is not null)
            .Select(x => new WhyNotView(x.r.Id, x.r.Name, x.r.Furigana, x.explanation!.Reasons, offered.Contains(x.r.Id)))
            .ToList();
    }

    /// <summary>Why one registrant is or is not a candidate for the request now.</summary>
    internal async Task<MatchExplanation?> ExplainAsync(int requestId, int registrantId, MatchWeights? weights, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (request, kind) = await LoadAsync(db, requestId, cancellationToken);
        var index = await indexHolder.GetAsync(cancellationToken);
        return engine.Explain(index, request, kind, registrantId, weights);
    }

    private static async Task<(Request Request, Core.Groups.GroupKind Kind)> LoadAsync(KyodoDbContext db, int requestId, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"Request {requestId} does not exist.");
        var kind = await db.Groups.Where(g => g.Id == request.GroupId).Select(g => g.Kind).SingleAsync(cancellationToken);
        return (request, kind);
    }

    private static async Task<HashSet<int>> OfferedAsync(KyodoDbContext db, int requestId, CancellationToken cancellationToken) =>
        (await db.Offers.Where(o => o.RequestId == requestId && (o.State == Core.Offers.OfferState.Offered || o.State == Core.Offers.OfferState.Accepted))
            .Select(o => o.RegistrantId).ToListAsync(cancellationToken)).ToHashSet();
}
