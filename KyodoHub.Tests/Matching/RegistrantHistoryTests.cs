using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

public class RegistrantHistoryTests
{
    [Fact]
    public void TheEmptyHistoryHasNothing()
    {
        var h = RegistrantHistory.Empty;

        Assert.Empty(h.ActivityDates);
        Assert.Empty(h.Commitments);
        Assert.Empty(h.MonthlyActivities);
        Assert.Empty(h.DeclinedGroupIds);
        Assert.Empty(h.DecliningGroupIds);
        Assert.Equal(0, h.CompletedCount + h.NoShowCount + h.RatingSum + h.RatingCount);
    }

    [Fact]
    public void KeepsItsListsInOrder()
    {
        var start = MatchFixture.Now.AddDays(3);
        var h = new RegistrantHistory(
            activityDates: [new DateOnly(2026, 11, 20), new DateOnly(2026, 10, 1)],
            commitments: [new Commitment(start.AddDays(1), start.AddDays(1).AddHours(1)), new Commitment(start, start.AddHours(1))],
            monthlyActivities: [new MonthlyActivityCount(2026, 12, 1), new MonthlyActivityCount(2026, 11, 2)],
            declinedGroupIds: [5, 3, 5]);

        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20)], h.ActivityDates);
        Assert.Equal(start, h.Commitments[0].Start);
        Assert.Equal(11, h.MonthlyActivities[0].Month);
        Assert.Equal([3, 5], h.DeclinedGroupIds);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, "CompletedCount")]
    [InlineData(0, -1, 0, 0, "NoShowCount")]
    [InlineData(0, 0, 0, -1, "RatingCount")]
    [InlineData(0, 0, 11, 2, "RatingSum")]
    [InlineData(0, 0, 1, 2, "RatingSum")]
    public void RejectsCountsThatCannotBe(int completed, int noShows, int ratingSum, int ratingCount, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            new RegistrantHistory(completedCount: completed, noShowCount: noShows, ratingSum: ratingSum, ratingCount: ratingCount));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void RejectsTheSameMonthTwice() =>
        Assert.Throws<DomainValidationException>(() =>
            new RegistrantHistory(monthlyActivities: [new MonthlyActivityCount(2026, 12, 1), new MonthlyActivityCount(2026, 12, 2)]));

    [Fact]
    public void RejectsAnUnsavedGroup() =>
        Assert.Throws<DomainValidationException>(() => new RegistrantHistory(decliningGroupIds: [0]));

    [Fact]
    public void RejectsACommitmentThatEndsBeforeItStarts() =>
        Assert.Throws<DomainValidationException>(() => new Commitment(MatchFixture.Now, MatchFixture.Now));

    [Theory]
    [InlineData(2026, 0, 1)]
    [InlineData(2026, 13, 1)]
    [InlineData(2026, 12, -1)]
    public void RejectsAMonthThatCannotBe(int year, int month, int count) =>
        Assert.Throws<DomainValidationException>(() => new MonthlyActivityCount(year, month, count));
}
