using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;

namespace KyodoHub.Core.Offers;

/// <summary>
/// What a coordinator may take back on a request: a pending offer (打診を取り下げる) and one
/// registrant's assignment (決定の中止). Each case raises one event that says who is to be told,
/// so that whatever tells people (the inbox, the group's page, later mail) hooks in there.
/// </summary>
public static class CoordinatorCorrections
{
    /// <summary>Whether a pending offer may be withdrawn: only while its request is still being filled.</summary>
    public static bool CanWithdraw(OfferState offer, RequestState request) =>
        offer == OfferState.Offered && request is not (RequestState.Completed or RequestState.Evaluated or RequestState.Cancelled or RequestState.Expired);

    /// <summary>Whether an assignment may be cancelled: confirmed, its request not closed, its first session not begun.</summary>
    public static bool CanCancel(AssignmentState assignment, Request request, DateTimeOffset now) =>
        assignment == AssignmentState.Confirmed && !request.IsClosed && request.FirstStart > now;

    /// <summary>Withdraws a pending offer of the request.</summary>
    /// <exception cref="DomainRuleException">The offer is answered already, or the request is closed.</exception>
    public static void Withdraw(Offer offer, Request request, DateTimeOffset now)
    {
        EnsureSame(offer.RequestId, request);
        if (request.IsClosed)
        {
            throw new DomainRuleException("RequestClosed", $"A {request.State} request cannot be changed.");
        }
        offer.Withdraw(now);
        request.Record(new OfferWithdrawn(request, offer));
    }

    /// <summary>
    /// Cancels one registrant's assignment with a reason: the seat reopens and the request's state
    /// follows (Filled → PartiallyFilled → Open).
    /// </summary>
    /// <exception cref="DomainValidationException">The reason is empty or too long.</exception>
    /// <exception cref="DomainRuleException">The assignment is closed, the request is closed, or the activity has begun.</exception>
    public static void CancelAssignment(Assignment assignment, Request request, string reason, DateTimeOffset now)
    {
        EnsureSame(assignment.RequestId, request);
        if (request.IsClosed)
        {
            throw new DomainRuleException("RequestClosed", $"A {request.State} request cannot be changed.");
        }
        if (assignment.State != AssignmentState.Confirmed)
        {
            throw new DomainRuleException("AssignmentClosed", $"This assignment is already {assignment.State}.");
        }
        if (request.FirstStart <= now)
        {
            throw new DomainRuleException("ActivityStarted", "The activity has begun; record a no-show instead.");
        }
        assignment.Cancel(reason, now);
        request.ReleaseSeat(now);
        request.Record(new AssignmentCancelled(request, assignment));
    }

    private static void EnsureSame(int requestId, Request request)
    {
        if (requestId != request.Id)
        {
            throw new ArgumentException("The offer or assignment belongs to another request.", nameof(request));
        }
    }
}

/// <summary>A coordinator withdrew a pending offer: the registrant is to be told.</summary>
public sealed record OfferWithdrawn(Request Request, Offer Offer) : IDomainEvent;

/// <summary>A coordinator cancelled one registrant's assignment: the registrant and the group are to be told.</summary>
public sealed record AssignmentCancelled(Request Request, Assignment Assignment) : IDomainEvent;
