using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;
using static KyodoHub.Tests.Domain.DomainBuilders;

namespace KyodoHub.Tests.Domain;

public class RequestTests
{
    [Fact]
    public void RefusesAHeadcountOfZeroNamingTheField()
    {
        var error = Assert.Throws<DomainValidationException>(() => new Request(1, Details(headcount: 0), RequestOrigin.Desk, Now));
        Assert.Equal(nameof(Request.Headcount), error.Field);
    }

    [Fact]
    public void RefusesASessionThatEndsBeforeItStarts()
    {
        var error = Assert.Throws<DomainValidationException>(() => new RequestSession(Now.AddHours(2), Now.AddHours(1)));
        Assert.Equal(nameof(RequestSession.End), error.Field);
        Assert.Equal("EndBeforeStart", error.Code);
    }

    [Fact]
    public void RefusesOverlappingSessions()
    {
        var a = Session(hour: 10);
        var b = Session(hour: 11);
        var error = Assert.Throws<DomainValidationException>(() => new Request(1, Details(sessions: [a, b]), RequestOrigin.Desk, Now));
        Assert.Equal(nameof(Request.Sessions), error.Field);
    }

    [Fact]
    public void RefusesAFillByDateAfterTheFirstSession()
    {
        var error = Assert.Throws<DomainValidationException>(() => new Request(1, Details(fillBy: Now.AddDays(30)), RequestOrigin.Desk, Now));
        Assert.Equal(nameof(Request.FillBy), error.Field);
    }

    [Fact]
    public void RefusesASessionOnADayBeforeTodayNamingIt()
    {
        RequestSession[] sessions = [Session(daysAhead: 3), Session(daysAhead: -1)];
        var error = Assert.Throws<DomainValidationException>(() => new Request(1, Details(sessions: sessions, fillBy: Now), RequestOrigin.Api, Now));
        Assert.Equal("Sessions[1].Start", error.Field);
        Assert.Equal("InPast", error.Code);
    }

    [Fact]
    public void RefusesAFillByDateBeforeToday()
    {
        var error = Assert.Throws<DomainValidationException>(() => new Request(1, Details(fillBy: Now.AddDays(-1)), RequestOrigin.Api, Now));
        Assert.Equal(nameof(Request.FillBy), error.Field);
        Assert.Equal("InPast", error.Code);
    }

    [Fact]
    public void AcceptsASessionEarlierTodayAsTheDeskFormDoes()
    {
        var earlierToday = Session(daysAhead: 0, hour: 0);
        var request = new Request(1, Details(sessions: [earlierToday], fillBy: earlierToday.Start), RequestOrigin.Desk, Now);
        Assert.Equal(earlierToday, Assert.Single(request.Sessions));
    }

    [Fact]
    public void RefusesAnEditThatMovesASessionIntoThePast()
    {
        var request = NewRequest();
        var error = Assert.Throws<DomainValidationException>(() => request.UpdateDetails(Details(sessions: [Session(daysAhead: 5)], fillBy: Now.AddDays(-2)), Now));
        Assert.Equal(nameof(Request.FillBy), error.Field);
    }

    [Fact]
    public void RefusesAnEmptyTitle()
    {
        var error = Assert.Throws<DomainValidationException>(() => new Request(1, Details(title: "  "), RequestOrigin.Desk, Now));
        Assert.Equal(nameof(Request.Title), error.Field);
    }

    [Fact]
    public void RaisesRequestCreatedWhenMade()
    {
        var request = NewRequest();
        Assert.IsType<RequestCreated>(Assert.Single(request.DomainEvents));
    }

    [Fact]
    public void MovesToPartiallyFilledThenFilledAsSeatsAreTaken()
    {
        var request = NewRequest(headcount: 2);
        request.FillSeat(Now);
        Assert.Equal(RequestState.PartiallyFilled, request.State);
        request.FillSeat(Now);
        Assert.Equal(RequestState.Filled, request.State);
        Assert.Equal(Now, request.FilledAt);
    }

    [Fact]
    public void CannotExceedItsHeadcount()
    {
        var request = NewRequest(headcount: 1);
        request.FillSeat(Now);
        var error = Assert.Throws<DomainRuleException>(() => request.FillSeat(Now));
        Assert.Equal("RequestNotFillable", error.Code);
        Assert.Equal(1, request.FilledCount);
    }

    [Fact]
    public void AnExpiredRequestCannotBeFilled()
    {
        var request = NewRequest(fillBy: Now.AddDays(1));
        request.Expire(Now.AddDays(2));
        Assert.Equal(RequestState.Expired, request.State);
        Assert.Throws<DomainRuleException>(() => request.FillSeat(Now.AddDays(2)));
        Assert.Equal(0, request.FilledCount);
    }

    [Fact]
    public void DoesNotExpireBeforeItsFillByDate()
    {
        var request = NewRequest(fillBy: Now.AddDays(1));
        Assert.Throws<DomainRuleException>(() => request.Expire(Now));
        Assert.Equal(RequestState.Open, request.State);
    }

    [Fact]
    public void ReleasingTheOnlySeatReopensTheRequest()
    {
        var request = NewRequest(headcount: 1);
        request.FillSeat(Now);
        request.ReleaseSeat(Now);
        Assert.Equal(RequestState.Open, request.State);
        Assert.Null(request.FilledAt);
    }

    [Fact]
    public void CompletesOnlyAfterItsLastSessionEnded()
    {
        var request = NewRequest(headcount: 1);
        request.FillSeat(Now);
        Assert.Throws<DomainRuleException>(() => request.Complete(Now));
        request.Complete(request.LastEnd);
        Assert.Equal(RequestState.Completed, request.State);
        request.MarkEvaluated(request.LastEnd.AddDays(1));
        Assert.Equal(RequestState.Evaluated, request.State);
    }

    [Fact]
    public void ACancelledRequestKeepsItsReasonAndCannotBeCancelledAgain()
    {
        var request = NewRequest();
        request.Cancel("会場が使えなくなったため", Now);
        Assert.Equal(RequestState.Cancelled, request.State);
        Assert.Equal("会場が使えなくなったため", request.CancelReason);
        Assert.Throws<DomainRuleException>(() => request.Cancel("again", Now));
    }

    [Fact]
    public void StoresSessionsInUtcWhateverOffsetTheyCameIn()
    {
        var tokyo = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.FromHours(9));
        var session = new RequestSession(tokyo, tokyo.AddHours(2));
        Assert.Equal(TimeSpan.Zero, session.Start.Offset);
        Assert.Equal(tokyo, session.Start);
    }
}
