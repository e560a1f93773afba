using KyodoHub.Core.Agreements;
using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Evaluations;

/// <summary>
/// Reliability figures per registrant for the match engine: completed and no-show assignments,
/// and the sum and count of the ratings in the group's evaluations of the requests the registrant
/// completed (a no-show earns no rating). Aggregates only, no personal data, so it checks no
/// role: its callers (the match engine's services) do.
/// </summary>
public sealed class ReliabilityQuery(IDbContextFactory<KyodoDbContext> factory)
{
    /// <summary>
    /// The figures of <paramref name="registrantIds"/> (every registrant with an assignment when
    /// null). A requested registrant without history gets zeros.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ReliabilityFigures>> GetAsync(IReadOnlyCollection<int>? registrantIds = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, registrantIds, cancellationToken);
    }

    /// <summary>The same figures read through a context the caller already holds (the match index loads them with the rest of the history).</summary>
    public static async Task<Dictionary<int, ReliabilityFigures>> ReadAsync(KyodoDbContext db, IReadOnlyCollection<int>? registrantIds, CancellationToken cancellationToken)
    {
        var assignments = db.Assignments.AsNoTracking();
        if (registrantIds is not null)
        {
            var ids = registrantIds.Distinct().ToList();
            assignments = assignments.Where(a => ids.Contains(a.RegistrantId));
        }
        var counts = await assignments
            .Where(a => a.State == AssignmentState.Completed || a.State == AssignmentState.NoShow)
            .GroupBy(a => a.RegistrantId)
            .Select(g => new
            {
                RegistrantId = g.Key,
                Completed = g.Count(a => a.State == AssignmentState.Completed),
                NoShows = g.Count(a => a.State == AssignmentState.NoShow),
            })
            .ToListAsync(cancellationToken);
        var ratings = await (
                from a in assignments
                join e in db.Evaluations on a.RequestId equals e.RequestId
                where a.State == AssignmentState.Completed && e.Author == PartyKind.Group
                group e.Rating by a.RegistrantId into g
                select new { RegistrantId = g.Key, Sum = g.Sum(), Count = g.Count() })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<int, ReliabilityFigures>();
        foreach (var id in registrantIds ?? [])
        {
            result[id] = ReliabilityFigures.None(id);
        }
        foreach (var c in counts)
        {
            result[c.RegistrantId] = new ReliabilityFigures(c.RegistrantId, c.Completed, c.NoShows, 0, 0);
        }
        foreach (var r in ratings)
        {
            var current = result.GetValueOrDefault(r.RegistrantId) ?? ReliabilityFigures.None(r.RegistrantId);
            result[r.RegistrantId] = current with { RatingSum = r.Sum, RatingCount = r.Count };
        }
        return result;
    }
}
