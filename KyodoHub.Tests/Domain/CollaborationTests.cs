using KyodoHub.Core.Agreements;
using KyodoHub.Core.Audit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Evaluations;
using static KyodoHub.Tests.Domain.DomainBuilders;

namespace KyodoHub.Tests.Domain;

public class CollaborationTests
{
    private static readonly AgreementTerms Terms = new("目的", "団体の役割", "登録者の役割", "責任", "費用分担", "成果の帰属",
        new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void AnAgreementIsConfirmedOnlyWhenEveryPartyHasConfirmed()
    {
        var agreement = new Agreement(1, 10, [20, 21], Terms, "coordinator", Now);
        agreement.Confirm(PartyKind.Group, 10, "団体担当", Now);
        agreement.Confirm(PartyKind.Registrant, 20, "r20", Now);
        Assert.Equal(AgreementState.Draft, agreement.State);
        agreement.Confirm(PartyKind.Registrant, 21, "r21", Now);
        Assert.Equal(AgreementState.Confirmed, agreement.State);
    }

    [Fact]
    public void OnlyAPartyCanConfirmAnAgreement()
    {
        var agreement = new Agreement(1, 10, [20], Terms, "coordinator", Now);
        Assert.Throws<DomainRuleException>(() => agreement.Confirm(PartyKind.Registrant, 99, "r99", Now));
        Assert.Empty(agreement.Confirmations);
    }

    [Fact]
    public void RevisingADraftVoidsItsConfirmations()
    {
        var agreement = new Agreement(1, 10, [20], Terms, "coordinator", Now);
        agreement.Confirm(PartyKind.Group, 10, "団体担当", Now);
        agreement.Revise(Terms with { CostSharing = "材料費は折半" });
        Assert.Empty(agreement.Confirmations);
    }

    [Fact]
    public void RefusesAnAgreementPeriodThatEndsBeforeItStarts()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            new Agreement(1, 10, [20], Terms with { PeriodEnd = new DateOnly(2026, 11, 1) }, "coordinator", Now));
        Assert.Equal(nameof(Agreement.PeriodEnd), error.Field);
    }

    [Fact]
    public void RefusesARatingOutsideOneToFive()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            new Evaluation(1, PartyKind.Group, 10, 3, 6, SynergyAnswer.Yes, null, true, Now));
        Assert.Equal(nameof(Evaluation.Rating), error.Field);
    }

    [Fact]
    public void AuditEntriesEncodeLineBreaksSoTheyCannotForgeEntries()
    {
        var entry = new AuditEntry(Now, "u1", "desk@example.jp", "Update", "Registrant", "5", "127.0.0.1", "name\nFAKE ENTRY");
        Assert.DoesNotContain('\n', entry.Detail!);
        Assert.Equal("name\\u000aFAKE ENTRY", entry.Detail);
    }

    [Theory]
    [InlineData(2026, 11, 28, "令和8年11月28日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    public void WritesDatesInTheJapaneseEra(int year, int month, int day, string expected) =>
        Assert.Equal(expected, JapaneseDates.Era(new DateOnly(year, month, day)));

    [Fact]
    public void ConvertsBetweenUtcAndTokyoWallClock()
    {
        var instant = TokyoTime.FromLocal(new DateOnly(2026, 12, 1), new TimeOnly(9, 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), TokyoTime.ToLocal(instant));
    }
}
