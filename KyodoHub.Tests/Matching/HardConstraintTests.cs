using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

/// <summary>The hard constraints other than time (see <see cref="AvailabilityTests"/> and <see cref="MonthlyCapTests"/>).</summary>
public class HardConstraintTests
{
    private static readonly DateOnly Saturday = MatchFixture.SessionDate;

    [Fact]
    public void IncludesAnActiveRegistrantWhoMeetsEveryConstraint()
    {
        var explained = MatchFixture.Explain(new RegistrantBuilder(1).Build(), new RequestBuilder().Build());

        Assert.False(explained.IsExcluded);
        Assert.Empty(explained.Reasons);
    }

    [Fact]
    public void ExcludesARegistrantWhoIsPaused() =>
        AssertExcluded(new RegistrantBuilder(1).Paused().Build(), ExclusionReason.NotActive);

    [Fact]
    public void ExcludesARegistrantWhoIsRetired() =>
        AssertExcluded(new RegistrantBuilder(1).Retired().Build(), ExclusionReason.NotActive);

    [Fact]
    public void ExcludesARegistrantInAnotherProgramme() =>
        AssertExcluded(
            new RegistrantBuilder(1).InPrograms(Program.LifelongLearningLeader).Build(),
            ExclusionReason.ProgramMismatch,
            new RequestBuilder().ForPrograms(Program.ChokottoVolunteer).Build());

    [Theory]
    [InlineData(Program.ChokottoVolunteer, Program.ChokottoVolunteer)]
    [InlineData(Program.Both, Program.LifelongLearningLeader)]
    [InlineData(Program.LifelongLearningLeader, Program.Both)]
    public void IncludesARegistrantInAProgrammeTheRequestAccepts(Program registrant, Program request) =>
        Assert.Empty(MatchFixture.Explain(
            new RegistrantBuilder(1).InPrograms(registrant).Build(),
            new RequestBuilder().ForPrograms(request).Build()).Reasons);

    [Fact]
    public void ExcludesARegistrantMissingARequiredLanguage() =>
        AssertExcluded(
            new RegistrantBuilder(1).Speaking("ja").Build(),
            ExclusionReason.LanguageMissing,
            new RequestBuilder().InLanguages("ja", "en").Build());

    [Fact]
    public void IncludesARegistrantWhoSpeaksEveryRequiredLanguageAndMore() =>
        Assert.Empty(MatchFixture.Explain(
            new RegistrantBuilder(1).Speaking("zh", "ja", "en").Build(),
            new RequestBuilder().InLanguages("en", "ja").Build()).Reasons);

    [Fact]
    public void ARequestWithoutLanguagesExcludesNobodyForLanguage() =>
        Assert.Empty(MatchFixture.Explain(
            new RegistrantBuilder(1).Speaking("pt").Build(),
            new RequestBuilder().InLanguages().Build()).Reasons);

    [Fact]
    public void ExcludesARegistrantAlreadyCommittedAtAnOverlappingTime() =>
        AssertExcluded(
            new RegistrantBuilder(1).Build(),
            ExclusionReason.AlreadyCommitted,
            history: new RegistrantHistory(commitments: [Commitment(Saturday, "11:30", "13:00")]));

    [Fact]
    public void ACommitmentThatEndsAsTheSessionStartsDoesNotOverlap() =>
        Assert.Empty(MatchFixture.Explain(
            new RegistrantBuilder(1).Build(),
            new RequestBuilder().Build(),
            new RegistrantHistory(commitments: [Commitment(Saturday, "08:00", "10:00"), Commitment(Saturday, "12:00", "13:00")])).Reasons);

    [Fact]
    public void ChecksEverySessionForOverlappingCommitments() =>
        AssertExcluded(
            new RegistrantBuilder(1).Build(),
            ExclusionReason.AlreadyCommitted,
            new RequestBuilder().On(Saturday, "10:00", "12:00").On(Saturday.AddDays(7), "10:00", "12:00").Build(),
            new RegistrantHistory(commitments: [Commitment(Saturday.AddDays(-7), "10:00", "12:00"), Commitment(Saturday.AddDays(7), "09:00", "10:15")]));

    [Fact]
    public void ExcludesARegistrantWhoDeclinedThisGroupBefore() =>
        AssertExcluded(
            new RegistrantBuilder(1).Build(),
            ExclusionReason.DeclinedThisGroup,
            new RequestBuilder().ByGroup(10).Build(),
            new RegistrantHistory(declinedGroupIds: [10]));

    [Fact]
    public void ExcludesARegistrantThisGroupDeclinedBefore() =>
        AssertExcluded(
            new RegistrantBuilder(1).Build(),
            ExclusionReason.DeclinedByThisGroup,
            new RequestBuilder().ByGroup(10).Build(),
            new RegistrantHistory(decliningGroupIds: [10]));

    [Fact]
    public void ExcludesARegistrantBlockedForThisGroup() =>
        AssertExcluded(
            new RegistrantBuilder(1).Blocking(10).Build(),
            ExclusionReason.GroupBlocked,
            new RequestBuilder().ByGroup(10).Build());

    [Fact]
    public void DeclinesAndBlocksOfOtherGroupsDoNotMatter() =>
        Assert.Empty(MatchFixture.Explain(
            new RegistrantBuilder(1).Blocking(11).Build(),
            new RequestBuilder().ByGroup(10).Build(),
            new RegistrantHistory(declinedGroupIds: [12], decliningGroupIds: [13])).Reasons);

    [Fact]
    public void ReportsEveryReasonThatAppliesInDisplayOrder()
    {
        var registrant = new RegistrantBuilder(1).Blocking(10).Speaking("ja").InPrograms(Program.LifelongLearningLeader).Paused().Build();
        var request = new RequestBuilder().ByGroup(10).ForPrograms(Program.ChokottoVolunteer).InLanguages("en").Build();

        var explained = MatchFixture.Explain(registrant, request, new RegistrantHistory(declinedGroupIds: [10], decliningGroupIds: [10]));

        Assert.Equal(
            [
                ExclusionReason.NotActive,
                ExclusionReason.ProgramMismatch,
                ExclusionReason.LanguageMissing,
                ExclusionReason.DeclinedThisGroup,
                ExclusionReason.DeclinedByThisGroup,
                ExclusionReason.GroupBlocked,
            ],
            explained.Reasons);
    }

    [Fact]
    public void RankingReportsExcludedRegistrantsWithTheirReasons()
    {
        var index = MatchFixture.Index(
            new RegistrantBuilder(1).Build(),
            new RegistrantBuilder(2).Paused().Build(),
            new RegistrantBuilder(3).NeverAvailable().Build(),
            new RegistrantBuilder(4).Paused().NeverAvailable().Build());

        var result = MatchFixture.Rank(index, new RequestBuilder().Build());

        Assert.Equal([1], result.Ranked.Select(c => c.RegistrantId));
        Assert.Equal(1, result.EligibleCount);
        Assert.Equal(3, result.ExcludedCount);
        Assert.Equal([ExclusionReason.NotActive], result.Excluded.Single(e => e.RegistrantId == 2).Reasons);
        Assert.Equal([ExclusionReason.NotAvailable], result.Excluded.Single(e => e.RegistrantId == 3).Reasons);
        Assert.Equal([ExclusionReason.NotActive, ExclusionReason.NotAvailable], result.Excluded.Single(e => e.RegistrantId == 4).Reasons);
        Assert.Equal(2, result.CountsByReason[ExclusionReason.NotActive]);
        Assert.Equal(2, result.CountsByReason[ExclusionReason.NotAvailable]);
        Assert.Equal(0, result.CountsByReason[ExclusionReason.MonthlyCapReached]);
    }

    private static Commitment Commitment(DateOnly date, string from, string to) =>
        new(
            TokyoTime.FromLocal(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(MatchFixture.Minutes(from)))),
            TokyoTime.FromLocal(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(MatchFixture.Minutes(to)))));

    private static void AssertExcluded(
        KyodoHub.Core.Registrants.Registrant registrant,
        ExclusionReason reason,
        KyodoHub.Core.Requests.Request? request = null,
        RegistrantHistory? history = null)
    {
        var explained = MatchFixture.Explain(registrant, request ?? new RequestBuilder().Build(), history);

        Assert.True(explained.IsExcluded);
        Assert.Equal([reason], explained.Reasons);
    }
}
