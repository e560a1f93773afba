using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// One activity of the registrant: an assignment with its request's sessions. <see cref="Hours"/>
/// is what was recorded at completion, or the sessions' length while it is still confirmed; a
/// cancelled activity or a no-show counts none.
/// </summary>
public sealed record ActivityRow(
    int AssignmentId, int RequestId, string Title, string GroupName, string Place, string AreaJa, string AreaEn,
    IReadOnlyList<RequestSession> Sessions, AssignmentState State, double Hours)
{
    public DateTimeOffset Start => Sessions[0].Start;
    public DateTimeOffset End => Sessions[^1].End;

    /// <summary>Confirmed but over: waiting for the centre to record it as done.</summary>
    public bool AwaitsRecord(DateTimeOffset now) => State == AssignmentState.Confirmed && End < now;
}

/// <summary>Counts and hours: done (all time and this fiscal year, April to March) and planned.</summary>
public sealed record ActivityTotals(int CompletedCount, double CompletedHours, int FiscalYear, double FiscalYearHours, int UpcomingCount, double PlannedHours);

public sealed record MyActivities(IReadOnlyList<ActivityRow> Upcoming, IReadOnlyList<ActivityRow> Past, ActivityTotals Totals);

/// <summary>The signed-in registrant's activities, from their assignments. Only their own.</summary>
public sealed class MyActivitiesService(IDbContextFactory<KyodoDbContext> factory, MyRegistrant me, TimeProvider clock)
{
    public async Task<MyActivities?> GetAsync(CancellationToken cancellationToken = default)
    {
        var (_, id) = await me.WhoAsync();
        if (id is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await OfAsync(db, id.Value, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>A registrant's activities, as they and the desk see them.</summary>
    internal static async Task<MyActivities> OfAsync(KyodoDbContext db, int registrantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in db.Assignments
                join r in db.Requests on a.RequestId equals r.Id
                join g in db.Groups on r.GroupId equals g.Id
                join area in db.Areas on r.AreaId equals area.Id
                where a.RegistrantId == registrantId
                select new { a.Id, a.State, a.Hours, Request = r, GroupName = g.Name, area.NameJa, area.NameEn })
            .AsNoTracking().ToListAsync(cancellationToken);
        var activities = rows
            .Select(x => new ActivityRow(x.Id, x.Request.Id, x.Request.Title, x.GroupName, x.Request.Place, x.NameJa, x.NameEn,
                x.Request.Sessions.OrderBy(s => s.Start).ToList(), x.State, HoursOf(x.State, x.Hours, x.Request.Sessions)))
            .ToList();
        var upcoming = activities.Where(a => a.State == AssignmentState.Confirmed && a.End >= now).OrderBy(a => a.Start).ToList();
        var past = activities.Except(upcoming).OrderByDescending(a => a.Start).ToList();
        var completed = activities.Where(a => a.State == AssignmentState.Completed).ToList();
        var fiscalYear = FiscalYearOf(now);
        var totals = new ActivityTotals(
            completed.Count, completed.Sum(a => a.Hours),
            fiscalYear, completed.Where(a => FiscalYearOf(a.Start) == fiscalYear).Sum(a => a.Hours),
            upcoming.Count, upcoming.Sum(a => a.Hours));
        return new MyActivities(upcoming, past, totals);
    }

    private static double HoursOf(AssignmentState state, double? recorded, IEnumerable<RequestSession> sessions) => state switch
    {
        AssignmentState.Completed => recorded ?? sessions.Sum(s => s.Duration.TotalHours),
        AssignmentState.Confirmed => sessions.Sum(s => s.Duration.TotalHours),
        _ => 0,
    };

    /// <summary>Japanese fiscal years start on 1 April (Tokyo): March 2027 belongs to fiscal 2026.</summary>
    internal static int FiscalYearOf(DateTimeOffset instant)
    {
        var local = TokyoTime.ToLocal(instant);
        return local.Month >= 4 ? local.Year : local.Year - 1;
    }
}
