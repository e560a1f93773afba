using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;

namespace KyodoHub.Web.Live;

/// <summary>
/// Turns the domain events of a successful save into live events, one each, and what the save
/// changed of the match engine's inputs into one <see cref="RegistrantEvent"/> for the whole save,
/// however many registrants it touched (an import of thousands is one event).
/// </summary>
public sealed class DomainEventDispatcher(IEventBroker broker) : IDomainEventDispatcher
{
    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, MatchInputChanges changes, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            if (ToLive(domainEvent) is { } live)
            {
                await broker.PublishAsync(live, cancellationToken);
            }
        }
        if (!changes.IsEmpty)
        {
            await broker.PublishAsync(new RegistrantEvent([.. changes.RegistrantIds], [.. changes.RequestIds]), cancellationToken);
        }
    }

    private static LiveEvent? ToLive(IDomainEvent domainEvent) => domainEvent switch
    {
        RequestCreated e => Of(e.Request, RequestEventKind.Created, e.Request.State, null),
        RequestStateChanged e => Of(e.Request, RequestEventKind.Changed, e.To, e.From),
        RequestDetailsChanged e => Of(e.Request, RequestEventKind.Changed, e.Request.State, e.Request.State),
        OfferSent e => new OfferEvent(OfferEventKind.Sent, e.Offer.Id, e.Offer.RequestId, e.Offer.RegistrantId, OfferState.Offered),
        OfferAnswered e => new OfferEvent(OfferEventKind.Answered, e.Offer.Id, e.Offer.RequestId, e.Offer.RegistrantId, e.Answer),
        AgreementChanged e => new AgreementEvent(e.Agreement.Id, e.Agreement.RequestId, e.Agreement.State),
        AssignmentChanged e => new AssignmentEvent(e.Assignment.Id, e.Assignment.RequestId, e.Assignment.RegistrantId, e.Assignment.State),
        _ => null,
    };

    // The state in the event is the one the change led to, even when one save made several changes.
    private static RequestEvent Of(Request r, RequestEventKind kind, RequestState state, RequestState? previous) =>
        new(kind, r.Id, r.Title, state, previous, r.GroupId, r.AreaId, r.CategoryId, r.Headcount, r.FilledCount);
}
