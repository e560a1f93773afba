using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using static KyodoHub.Tests.Domain.DomainBuilders;

namespace KyodoHub.Tests.Domain;

public class OfferAndAssignmentTests
{
    private static Offer NewOffer() => new(1, 2, 0.8, ScoreBreakdown.Zero, "coordinator", Now, Now.AddHours(48));

    [Fact]
    public void AnAcceptedOfferBecomesAConfirmedAssignment()
    {
        var offer = NewOffer();
        offer.Accept(Now.AddHours(1));
        var assignment = new Assignment(offer, Now.AddHours(1));
        Assert.Equal(OfferState.Accepted, offer.State);
        Assert.Equal(AssignmentState.Confirmed, assignment.State);
        Assert.Equal(2, assignment.RegistrantId);
    }

    [Fact]
    public void CannotBeAcceptedAfterItExpires()
    {
        var offer = NewOffer();
        var error = Assert.Throws<DomainRuleException>(() => offer.Accept(Now.AddHours(49)));
        Assert.Equal("OfferExpired", error.Code);
        Assert.Equal(OfferState.Offered, offer.State);
    }

    [Fact]
    public void CannotBeAnsweredTwice()
    {
        var offer = NewOffer();
        offer.Decline("その日は予定があります", Now);
        Assert.Throws<DomainRuleException>(() => offer.Accept(Now));
        Assert.Equal("その日は予定があります", offer.DeclineReason);
    }

    [Fact]
    public void DeclineNeedsAReason()
    {
        var error = Assert.Throws<DomainValidationException>(() => NewOffer().Decline(" ", Now));
        Assert.Equal(nameof(Offer.DeclineReason), error.Field);
    }

    [Fact]
    public void APendingOfferCannotBecomeAnAssignment() =>
        Assert.Throws<DomainRuleException>(() => new Assignment(NewOffer(), Now));

    [Fact]
    public void RefusesAScoreOutsideZeroToOne()
    {
        var error = Assert.Throws<DomainValidationException>(() => new Offer(1, 2, 1.5, ScoreBreakdown.Zero, "c", Now, Now.AddHours(1)));
        Assert.Equal(nameof(Offer.Score), error.Field);
    }
}
