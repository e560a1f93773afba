using KyodoHub.Core.Common;
using KyodoHub.Core.Consultations;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

public sealed record ConsultationRow(int Id, string VisitorName, ConsultationChannel Channel, string Topic, string Outcome, DateOnly? FollowUpOn, DateTimeOffset At, bool Overdue);

/// <summary>What the desk sees first: follow-ups due this week and the latest consultations.</summary>
public sealed record DeskOverview(int ActiveRegistrants, int Groups, int OpenRequests, IReadOnlyList<ConsultationRow> FollowUpsDue, IReadOnlyList<ConsultationRow> Recent);

public sealed class DeskOverviewService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<DeskOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = TokyoTime.Today(clock);
        var horizon = today.AddDays(7);
        var due = await db.Consultations
            .Where(c => !c.FollowUpDone && c.FollowUpOn != null && c.FollowUpOn <= horizon)
            .OrderBy(c => c.FollowUpOn).ThenBy(c => c.Id)
            .Take(20).ToListAsync(cancellationToken);
        var recent = await db.Consultations.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(10).ToListAsync(cancellationToken);
        return new DeskOverview(
            await db.Registrants.CountAsync(r => r.Status == RegistrantStatus.Active, cancellationToken),
            await db.Groups.CountAsync(cancellationToken),
            await db.Requests.CountAsync(r => r.State == Core.Requests.RequestState.Open || r.State == Core.Requests.RequestState.PartiallyFilled, cancellationToken),
            due.Select(c => Row(c, today)).ToList(),
            recent.Select(c => Row(c, today)).ToList());
    }

    internal static ConsultationRow Row(ConsultationRecord c, DateOnly today) =>
        new(c.Id, c.VisitorName, c.Channel, c.Topic, c.Outcome, c.FollowUpOn, c.At, !c.FollowUpDone && c.FollowUpOn < today);
}
