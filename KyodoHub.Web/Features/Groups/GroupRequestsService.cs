using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Requests;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Groups;

/// <summary>A registrant who accepted: the group may contact them (and only them).</summary>
public sealed record AcceptedRegistrant(int RegistrantId, string Name, string? Phone, string? Email);

/// <summary>A registrant whose assignment to the request was cancelled, and why.</summary>
public sealed record CancelledRegistrant(int RegistrantId, string Name, string? Reason);

public sealed record GroupRequestDetail(
    int Id, string Title, string Description, RequestState State, string Place, IReadOnlyList<RequestSession> Sessions,
    int Headcount, int FilledCount, DateTimeOffset FillBy, string? CancelReason, IReadOnlyList<AcceptedRegistrant> Accepted,
    IReadOnlyList<CancelledRegistrant>? Cancelled = null);

/// <summary>
/// The group contact's own requests: submitting, following and cancelling them. Every call checks
/// that the request belongs to the caller's group.
/// </summary>
public sealed class GroupRequestsService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, RequestIntakeService intake, TimeProvider clock)
{
    public async Task<int> SubmitAsync(RequestDetails details, CancellationToken cancellationToken = default)
    {
        var groupId = await OwnGroupAsync();
        return await intake.CreateAsync(groupId, details, RequestOrigin.Online, cancellationToken: cancellationToken);
    }

    public async Task<GroupRequestDetail?> GetAsync(int requestId, CancellationToken cancellationToken = default)
    {
        var groupId = await OwnGroupAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, cancellationToken);
        if (r is null)
        {
            return null;
        }
        if (r.GroupId != groupId)
        {
            throw new AccessDeniedException($"Request {requestId} is not this group's.");
        }
        var accepted = await (
                from a in db.Assignments
                join p in db.Registrants on a.RegistrantId equals p.Id
                where a.RequestId == requestId && a.State != AssignmentState.Cancelled
                orderby p.Furigana
                select new AcceptedRegistrant(p.Id, p.Name, p.Phone, p.Email))
            .ToListAsync(cancellationToken);
        // One registrant's assignment cancelled while the request goes on: the group is told here.
        var cancelled = r.State == RequestState.Cancelled ? [] : await (
                from a in db.Assignments
                join p in db.Registrants on a.RegistrantId equals p.Id
                where a.RequestId == requestId && a.State == AssignmentState.Cancelled
                orderby a.ClosedAt descending
                select new CancelledRegistrant(p.Id, p.Name, a.CancelReason))
            .ToListAsync(cancellationToken);
        return new GroupRequestDetail(r.Id, r.Title, r.Description, r.State, r.Place, r.Sessions, r.Headcount, r.FilledCount, r.FillBy, r.CancelReason, accepted, cancelled);
    }

    /// <summary>
    /// Cancels the request with a reason: confirmed assignments are cancelled (their registrants
    /// are told in their inbox) and pending offers withdrawn, all in one save.
    /// </summary>
    public async Task CancelAsync(int requestId, string reason, CancellationToken cancellationToken = default)
    {
        var groupId = await OwnGroupAsync();
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new DomainValidationException("RequestId", "Unknown", $"Request {requestId} does not exist.");
        if (request.GroupId != groupId)
        {
            throw new AccessDeniedException($"Request {requestId} is not this group's.");
        }
        request.Cancel(reason, now);
        foreach (var assignment in await db.Assignments.Where(a => a.RequestId == requestId && a.State == AssignmentState.Confirmed).ToListAsync(cancellationToken))
        {
            assignment.Cancel(reason, now);
        }
        foreach (var offer in await db.Offers.Where(o => o.RequestId == requestId && o.State == OfferState.Offered).ToListAsync(cancellationToken))
        {
            offer.Withdraw(now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("Conflict", "Someone changed this request at the same moment. Nothing was saved; please look again.");
        }
    }

    private async Task<int> OwnGroupAsync()
    {
        var user = (await currentUser.GetAsync()).Require(Roles.GroupContact);
        return user.GroupId ?? throw new AccessDeniedException($"{user.UserName} is not linked to a group.");
    }
}
