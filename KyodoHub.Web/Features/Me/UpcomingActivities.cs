using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The sessions registrants are confirmed for that have not ended yet, soonest first: the home
/// page, the inbox and the deletion requests page all ask the same question.
/// </summary>
public static class UpcomingActivities
{
    public static async Task<ILookup<int, MyActivity>> OfAsync(KyodoDbContext db, IReadOnlyCollection<int> registrantIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var confirmed = await (
                from a in db.Assignments
                join r in db.Requests on a.RequestId equals r.Id
                where registrantIds.Contains(a.RegistrantId) && a.State == AssignmentState.Confirmed
                select new { a.RegistrantId, Request = r })
            .AsNoTracking().ToListAsync(cancellationToken);
        return confirmed
            .SelectMany(x => x.Request.Sessions.Select(s => (x.RegistrantId, Activity: new MyActivity(x.Request.Id, x.Request.Title, x.Request.Place, s.Start, s.End))))
            .Where(x => x.Activity.End >= now)
            .OrderBy(x => x.Activity.Start)
            .ToLookup(x => x.RegistrantId, x => x.Activity);
    }
}
