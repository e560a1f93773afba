using KyodoHub.Core.Matching;
using KyodoHub.Core.Notifications;
using KyodoHub.Core.Offers;

namespace KyodoHub.Tests.Notifications;

public class NotificationPlannerTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 13, 1, 0, 0, TimeSpan.Zero);

    private static Offer NewOffer(string sentBy = "coordinator@kyodohub.example") =>
        new(3, 7, 0.5, ScoreBreakdown.Zero, sentBy, Now, Now.AddHours(48));

    [Fact]
    public void ASentOfferTellsItsRegistrant()
    {
        var offer = NewOffer();
        var planned = Assert.Single(NotificationPlanner.Plan(offer.DomainEvents));
        Assert.Equal(new PlannedNotification(NotificationKind.OfferSent, RecipientKind.Registrant, "7", offer.Id), planned);
    }

    [Theory]
    [InlineData(OfferState.Accepted)]
    [InlineData(OfferState.Declined)]
    [InlineData(OfferState.Expired)]
    public void AnAnsweredOfferTellsTheCoordinatorWhoSentIt(OfferState answer)
    {
        var offer = NewOffer();
        offer.ClearDomainEvents();
        Answer(offer, answer);
        var planned = Assert.Single(NotificationPlanner.Plan(offer.DomainEvents));
        Assert.Equal(NotificationKind.OfferAnswered, planned.Kind);
        Assert.Equal(RecipientKind.User, planned.RecipientKind);
        Assert.Equal("coordinator@kyodohub.example", planned.RecipientId);
    }

    [Fact]
    public void NobodyIsToldOfAnswersToOffersTheCascadeSent()
    {
        var offer = NewOffer(Offer.AutoCascadeSender);
        offer.ClearDomainEvents();
        offer.Decline("忙しいため", Now.AddHours(1));
        Assert.False(NotificationPlanner.Notifies(offer.DomainEvents));
    }

    [Fact]
    public void AWithdrawnOfferTellsNobodyYet()
    {
        var offer = NewOffer();
        offer.ClearDomainEvents();
        offer.Withdraw(Now.AddHours(1));
        Assert.Empty(NotificationPlanner.Plan(offer.DomainEvents));
    }

    private static void Answer(Offer offer, OfferState answer)
    {
        switch (answer)
        {
            case OfferState.Accepted: offer.Accept(Now.AddHours(1)); break;
            case OfferState.Declined: offer.Decline("都合がつきません", Now.AddHours(1)); break;
            default: offer.Expire(Now.AddHours(49)); break;
        }
    }
}
