using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;

namespace KyodoHub.Core.Notifications;

/// <summary>A notification to write, before the outbox gives it its row.</summary>
public sealed record PlannedNotification(NotificationKind Kind, RecipientKind RecipientKind, string RecipientId, int SubjectId);

/// <summary>
/// Which domain events of a save tell someone something, and whom: written into the outbox in the
/// same transaction as the change. The events must be read after the save, when new records have
/// their ids.
/// </summary>
public static class NotificationPlanner
{
    /// <summary>Whether any of the events leads to a notification, so that the save must write the outbox too.</summary>
    public static bool Notifies(IEnumerable<IDomainEvent> events) => events.Any(e => Plan(e) is not null || Confirmation(e) is not null);

    public static IReadOnlyList<PlannedNotification> Plan(IEnumerable<IDomainEvent> events) =>
        events.Select(Plan).Concat(events.Select(Confirmation)).OfType<PlannedNotification>().Distinct().ToList();

    private static PlannedNotification? Plan(IDomainEvent domainEvent) => domainEvent switch
    {
        OfferSent e => new(NotificationKind.OfferSent, RecipientKind.Registrant, e.Offer.RegistrantId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Offer.Id),
        OfferAnswered { Answer: OfferState.Accepted or OfferState.Declined or OfferState.Expired } e when e.Offer.SentBy != Offer.AutoCascadeSender
            => new(NotificationKind.OfferAnswered, RecipientKind.User, e.Offer.SentBy, e.Offer.Id),
        _ => null,
    };

    /// <summary>An answer that staff recorded for a caller goes back to the registrant, besides the sender's usual mail.</summary>
    private static PlannedNotification? Confirmation(IDomainEvent domainEvent) => domainEvent switch
    {
        OfferAnswered { Answer: OfferState.Accepted or OfferState.Declined, Offer.AnsweredVia: AnswerChannel.Phone } e
            => new(NotificationKind.AnswerRecorded, RecipientKind.Registrant, e.Offer.RegistrantId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Offer.Id),
        _ => null,
    };
}
