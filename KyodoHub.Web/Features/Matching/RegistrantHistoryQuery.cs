using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Matching;

/// <summary>
/// What the match engine needs to know of registrants' past and planned activities, read from the
/// database: activity dates, reliability (completions, no-shows and the groups' ratings, from
/// <see cref="ReliabilityQuery"/>), confirmed sessions not
/// yet ended, activities per Tokyo month, and groups whose offers they declined.
/// </summary>
public static class RegistrantHistoryQuery
{
    public static async Task<Dictionary<int, RegistrantHistory>> LoadAsync(KyodoDbContext db, DateTimeOffset now, IReadOnlyCollection<int>? registrantIds, CancellationToken cancellationToken)
    {
        var assignments = db.Assignments.AsNoTracking().Where(a => a.State != AssignmentState.Cancelled);
        var offers = db.Offers.AsNoTracking().Where(o => o.State == OfferState.Declined);
        if (registrantIds is not null)
        {
            assignments = assignments.Where(a => registrantIds.Contains(a.RegistrantId));
            offers = offers.Where(o => registrantIds.Contains(o.RegistrantId));
        }
        var rows = await (
                from a in assignments
                join r in db.Requests on a.RequestId equals r.Id
                select new { a.RegistrantId, a.State, Request = r })
            .ToListAsync(cancellationToken);
        var reliability = await ReliabilityQuery.ReadAsync(db, registrantIds, cancellationToken);
        var declined = await (
                from o in offers
                join r in db.Requests on o.RequestId equals r.Id
                select new { o.RegistrantId, r.GroupId })
            .Distinct().ToListAsync(cancellationToken);
        var declinedByRegistrant = declined.GroupBy(d => d.RegistrantId).ToDictionary(g => g.Key, g => g.Select(d => d.GroupId).ToList());

        var histories = new Dictionary<int, RegistrantHistory>();
        foreach (var group in rows.GroupBy(x => x.RegistrantId))
        {
            var counted = group.Where(x => x.State is AssignmentState.Confirmed or AssignmentState.Completed).ToList();
            var figures = reliability.GetValueOrDefault(group.Key) ?? ReliabilityFigures.None(group.Key);
            histories[group.Key] = new RegistrantHistory(
                activityDates: counted.SelectMany(x => x.Request.Sessions).Select(s => DateOnly.FromDateTime(TokyoTime.ToLocal(s.Start))),
                completedCount: figures.Completed,
                noShowCount: figures.NoShows,
                ratingSum: figures.RatingSum,
                ratingCount: figures.RatingCount,
                commitments: group.Where(x => x.State == AssignmentState.Confirmed)
                    .SelectMany(x => x.Request.Sessions).Where(s => s.End > now).Select(s => new Commitment(s.Start, s.End)),
                monthlyActivities: counted
                    .SelectMany(x => x.Request.Sessions.Select(s => (x.Request.Id, Month: TokyoMonth(s.Start))).Distinct())
                    .GroupBy(m => m.Month)
                    .Select(g => new MonthlyActivityCount(g.Key.Year, g.Key.Month, g.Count())),
                declinedGroupIds: declinedByRegistrant.GetValueOrDefault(group.Key));
        }
        foreach (var (registrantId, groups) in declinedByRegistrant.Where(d => !histories.ContainsKey(d.Key)))
        {
            histories[registrantId] = new RegistrantHistory(declinedGroupIds: groups);
        }
        return histories;
    }

    private static (int Year, int Month) TokyoMonth(DateTimeOffset instant)
    {
        var local = TokyoTime.ToLocal(instant);
        return (local.Year, local.Month);
    }
}
