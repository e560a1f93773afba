using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Live;

namespace KyodoHub.Tests.Live;

public class LiveEventJsonTests
{
    public static TheoryData<LiveEvent> EveryKindOfEvent => new()
    {
        new RequestEvent(RequestEventKind.Changed, 12, "公園の清掃", RequestState.PartiallyFilled, RequestState.Open, 2, 7, 9, 3, 1),
        new OfferEvent(OfferEventKind.Answered, 5, 12, 44, OfferState.Declined),
        new AssignmentEvent(8, 12, 44, AssignmentState.Completed),
        new AgreementEvent(3, 12, KyodoHub.Core.Agreements.AgreementState.Confirmed),
        new RegistrantEvent([44, 45], [12]),
        new PresenceEvent(12, ["調整 花子", "連携 次郎"], "instance-a", ["連携 次郎"]),
    };

    [Theory]
    [MemberData(nameof(EveryKindOfEvent))]
    public void EveryEventCrossesToAnotherInstanceAsTheSameTypeWithTheSameValues(LiveEvent original)
    {
        var stamped = original with { Sequence = 41, OccurredAt = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero) };
        var json = LiveEventJson.Write(new LiveEnvelope("instance-a", stamped));

        var read = LiveEventJson.Read(json);

        Assert.NotNull(read);
        Assert.Equal("instance-a", read.Instance);
        Assert.IsType(original.GetType(), read.Event);
        Assert.Equal(41, read.Event.Sequence);
        Assert.Equal(stamped.OccurredAt, read.Event.OccurredAt);
        Assert.Equal(json, LiveEventJson.Write(read));
    }
}
