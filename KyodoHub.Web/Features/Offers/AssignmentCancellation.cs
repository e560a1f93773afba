using KyodoHub.Core.Common;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Offers;

/// <summary>
/// Cancels one registrant's confirmed assignment, with a reason, before the activity ends: the
/// seat goes back to the request, whose state follows (a filled request is open for offers
/// again), and the assignment's change event tells the registrant's inbox and the coordinators'
/// pages, all in one save. Coordinators and administrators.
/// </summary>
public sealed class AssignmentCancellation(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task CancelAsync(int assignmentId, string reason, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
            ?? throw new DomainValidationException("AssignmentId", "Unknown", $"Assignment {assignmentId} does not exist.");
        var request = await db.Requests.SingleAsync(r => r.Id == assignment.RequestId, cancellationToken);
        if (request.Sessions.Max(s => s.End) < now)
        {
            throw new DomainRuleException("AssignmentOver", "The activity is over: record it as done or as a no-show instead.");
        }
        assignment.Cancel(reason, now);
        request.ReleaseSeat(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("Conflict", "Someone changed this request at the same moment. Nothing was saved; please look again.");
        }
    }
}
