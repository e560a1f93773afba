using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Matching;

namespace KyodoHub.Tests.Offers;

/// <summary>What a coordinator may take back on a request, and what follows: Core rules, no database.</summary>
public class CoordinatorCorrectionsTests
{
    private static readonly DateTimeOffset Now = MatchFixture.Now;

    // A request of two seats with id 7, as if loaded from the database.
    private static Request OpenRequest()
    {
        var request = new RequestBuilder().Build();
        typeof(Request).GetProperty(nameof(Request.Id))!.SetValue(request, 7);
        request.ClearDomainEvents();
        return request;
    }

    private static Offer OfferFor(Request request, int registrantId) =>
        new(request.Id, registrantId, 0.5, ScoreBreakdown.Zero, "coordinator", Now.AddHours(-1), Now.AddDays(2));

    private static Assignment Assigned(Request request, int registrantId)
    {
        var offer = OfferFor(request, registrantId);
        offer.Accept(Now);
        request.FillSeat(Now);
        var assignment = new Assignment(offer, Now);
        request.ClearDomainEvents();
        return assignment;
    }

    [Fact]
    public void WithdrawingAPendingOfferMarksItWithdrawnAndRaisesOneNotice()
    {
        var request = OpenRequest();
        var offer = OfferFor(request, 1);

        CoordinatorCorrections.Withdraw(offer, request, Now);

        Assert.Equal(OfferState.Withdrawn, offer.State);
        var notice = Assert.Single(request.DomainEvents.OfType<OfferWithdrawn>());
        Assert.Same(offer, notice.Offer);
    }

    [Fact]
    public void DoesNotWithdrawAnAnsweredOffer()
    {
        var request = OpenRequest();
        var offer = OfferFor(request, 1);
        offer.Decline("予定が合わない", Now);

        var error = Assert.Throws<DomainRuleException>(() => CoordinatorCorrections.Withdraw(offer, request, Now));

        Assert.Equal("OfferAlreadyAnswered", error.Code);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void DoesNotWithdrawAnOfferOfAClosedRequest()
    {
        var request = OpenRequest();
        var offer = OfferFor(request, 1);
        request.Cancel("雨天のため", Now);

        var error = Assert.Throws<DomainRuleException>(() => CoordinatorCorrections.Withdraw(offer, request, Now));

        Assert.Equal("RequestClosed", error.Code);
        Assert.Equal(OfferState.Offered, offer.State);
        Assert.False(CoordinatorCorrections.CanWithdraw(offer.State, request.State));
    }

    [Fact]
    public void CancellingTheLastAssignmentOfAFilledRequestReopensASeat()
    {
        var request = OpenRequest();
        Assigned(request, 1);
        var second = Assigned(request, 2);
        Assert.Equal(RequestState.Filled, request.State);

        CoordinatorCorrections.CancelAssignment(second, request, "体調不良のため", Now);

        Assert.Equal(AssignmentState.Cancelled, second.State);
        Assert.Equal("体調不良のため", second.CancelReason);
        Assert.Equal(1, request.FilledCount);
        Assert.Equal(RequestState.PartiallyFilled, request.State);
        Assert.Single(request.DomainEvents.OfType<AssignmentCancelled>());
        Assert.Contains(request.DomainEvents.OfType<RequestStateChanged>(), e => e.From == RequestState.Filled && e.To == RequestState.PartiallyFilled);
    }

    [Fact]
    public void CancellingTheOnlyAssignmentReopensTheRequest()
    {
        var request = OpenRequest();
        var only = Assigned(request, 1);

        CoordinatorCorrections.CancelAssignment(only, request, "都合により", Now);

        Assert.Equal(0, request.FilledCount);
        Assert.Equal(RequestState.Open, request.State);
    }

    [Fact]
    public void CancellingNeedsAReason()
    {
        var request = OpenRequest();
        var assignment = Assigned(request, 1);

        var error = Assert.Throws<DomainValidationException>(() => CoordinatorCorrections.CancelAssignment(assignment, request, " ", Now));

        Assert.Equal(nameof(Assignment.CancelReason), error.Field);
        Assert.Equal(AssignmentState.Confirmed, assignment.State);
        Assert.Equal(1, request.FilledCount);
    }

    [Fact]
    public void DoesNotCancelAnAssignmentTwice()
    {
        var request = OpenRequest();
        var assignment = Assigned(request, 1);
        CoordinatorCorrections.CancelAssignment(assignment, request, "都合により", Now);

        var error = Assert.Throws<DomainRuleException>(() => CoordinatorCorrections.CancelAssignment(assignment, request, "もう一度", Now));

        Assert.Equal("AssignmentClosed", error.Code);
        Assert.Equal(0, request.FilledCount);
    }

    [Fact]
    public void DoesNotCancelOnceTheActivityHasBegun()
    {
        var request = OpenRequest();
        var assignment = Assigned(request, 1);
        var during = request.FirstStart.AddMinutes(5);

        var error = Assert.Throws<DomainRuleException>(() => CoordinatorCorrections.CancelAssignment(assignment, request, "都合により", during));

        Assert.Equal("ActivityStarted", error.Code);
        Assert.False(CoordinatorCorrections.CanCancel(assignment.State, request, during));
        Assert.True(CoordinatorCorrections.CanCancel(assignment.State, request, Now));
    }

    [Fact]
    public void DoesNotCancelAnAssignmentOfACancelledRequest()
    {
        var request = OpenRequest();
        var assignment = Assigned(request, 1);
        request.Cancel("雨天のため", Now);

        var error = Assert.Throws<DomainRuleException>(() => CoordinatorCorrections.CancelAssignment(assignment, request, "都合により", Now));

        Assert.Equal("RequestClosed", error.Code);
    }
}
