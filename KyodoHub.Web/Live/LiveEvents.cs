using System.Text.Json.Serialization;
using KyodoHub.Core.Agreements;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Live;

/// <summary>
/// Something that every open dashboard, inbox or external client may need to show. Events carry
/// ids and states, never personal data, so that they can cross process boundaries and be relayed
/// to external subscribers as they are. <see cref="Sequence"/> orders events for catching up.
/// Between instances they travel as JSON, named by the discriminators below.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(RequestEvent), "request")]
[JsonDerivedType(typeof(OfferEvent), "offer")]
[JsonDerivedType(typeof(AssignmentEvent), "assignment")]
[JsonDerivedType(typeof(AgreementEvent), "agreement")]
[JsonDerivedType(typeof(RegistrantEvent), "registrant")]
[JsonDerivedType(typeof(PresenceEvent), "presence")]
public abstract record LiveEvent
{
    public long Sequence { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

public enum RequestEventKind
{
    Created = 0,
    Changed = 1,
}

/// <summary>A request was created or changed state (or its filled seats changed).</summary>
public sealed record RequestEvent(
    RequestEventKind Kind, int RequestId, string Title, RequestState State, RequestState? PreviousState,
    int GroupId, int AreaId, int CategoryId, int Headcount, int FilledCount) : LiveEvent;

public enum OfferEventKind
{
    Sent = 0,
    Answered = 1,
}

/// <summary>An offer went out, or was accepted, declined, expired or withdrawn.</summary>
public sealed record OfferEvent(OfferEventKind Kind, int OfferId, int RequestId, int RegistrantId, OfferState State) : LiveEvent;

/// <summary>An assignment was completed, cancelled or marked as a no-show.</summary>
public sealed record AssignmentEvent(int AssignmentId, int RequestId, int RegistrantId, AssignmentState State) : LiveEvent;

/// <summary>An agreement was drafted, revised or confirmed by a party.</summary>
public sealed record AgreementEvent(int AgreementId, int RequestId, AgreementState State) : LiveEvent;

/// <summary>
/// One save changed what the match engine knows of these registrants (profile, skills,
/// availability, offers, assignments; added or deleted), or of everyone assigned to these
/// requests; every instance's match index refreshes them in one batch.
/// </summary>
public sealed record RegistrantEvent(IReadOnlyList<int> RegistrantIds, IReadOnlyList<int> RequestIds) : LiveEvent;

/// <summary>
/// Who is looking at a request right now, as display names (<see cref="Viewers"/>, on every
/// instance), and who of them on the instance that published the event, so that the other
/// instances can keep their picture up to date.
/// </summary>
public sealed record PresenceEvent(int RequestId, IReadOnlyList<string> Viewers, string Instance, IReadOnlyList<string> InstanceViewers) : LiveEvent;
