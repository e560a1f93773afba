using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Evaluations;

/// <summary>A registrant assigned to a finished activity.</summary>
public sealed record AssignedPerson(int RegistrantId, string Name);

/// <summary>A filled request whose last session has ended and whose outcome is not recorded yet.</summary>
public sealed record CompletionCandidate(int RequestId, string Title, string GroupName, DateTimeOffset LastEnd, IReadOnlyList<AssignedPerson> Registrants);

/// <summary>
/// Coordinators record how a finished activity went: who took part and who did not come. That
/// completes the request, which asks its parties for their evaluations, and feeds the
/// registrants' reliability figures.
/// </summary>
public sealed class CompletionService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<CompletionCandidate>> AwaitingAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.Requests
                join g in db.Groups on r.GroupId equals g.Id
                where r.State == RequestState.Filled || r.State == RequestState.PartiallyFilled
                select new { r, GroupName = g.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        var finished = rows.Where(x => x.r.LastEnd <= now).ToList();
        var ids = finished.Select(x => x.r.Id).ToList();
        var people = await (
                from a in db.Assignments
                join p in db.Registrants on a.RegistrantId equals p.Id
                where ids.Contains(a.RequestId) && a.State == AssignmentState.Confirmed
                orderby a.RegistrantId
                select new { a.RequestId, p.Id, p.Name })
            .ToListAsync(cancellationToken);
        return finished
            .Select(x => new CompletionCandidate(x.r.Id, x.r.Title, x.GroupName, x.r.LastEnd,
                people.Where(p => p.RequestId == x.r.Id).Select(p => new AssignedPerson(p.Id, p.Name)).ToList()))
            .OrderBy(c => c.LastEnd).ThenBy(c => c.RequestId).ToList();
    }

    /// <summary>Completes the request: every confirmed assignment is completed, except those named as no-shows.</summary>
    public async Task CompleteAsync(int requestId, IReadOnlyCollection<int> noShowRegistrantIds, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new DomainRuleException("RequestNotFound", $"Request {requestId} does not exist.");
        request.Complete(now);
        var hours = request.Sessions.Sum(s => s.Duration.TotalHours);
        var assignments = await db.Assignments.Where(a => a.RequestId == requestId && a.State == AssignmentState.Confirmed).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            if (noShowRegistrantIds.Contains(assignment.RegistrantId))
            {
                assignment.MarkNoShow(now);
            }
            else
            {
                assignment.Complete(hours, now);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("RequestChangedMeanwhile", "The request was changed by someone else.");
        }
    }
}
