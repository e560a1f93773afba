using System.Globalization;
using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

public class ExclusionReasonsTests
{
    public static TheoryData<ExclusionReason> Reasons => [.. Enum.GetValues<ExclusionReason>()];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryReasonReadsInJapaneseAndInEnglish(ExclusionReason reason)
    {
        var ja = ExclusionReasons.Describe(reason, "ja");
        var en = ExclusionReasons.Describe(reason, "en");

        Assert.False(string.IsNullOrWhiteSpace(ja));
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.Contains(ja, c => c > '\u3000');
        Assert.All(en, c => Assert.True(c < 128));
    }

    [Fact]
    public void NoTwoReasonsReadTheSame()
    {
        var all = Enum.GetValues<ExclusionReason>();

        Assert.Equal(all.Length, all.Select(r => ExclusionReasons.Describe(r, "ja")).Distinct().Count());
        Assert.Equal(all.Length, all.Select(r => ExclusionReasons.Describe(r, "en")).Distinct().Count());
    }

    [Fact]
    public void ListsEveryReasonInDisplayOrder() =>
        Assert.Equal(Enum.GetValues<ExclusionReason>().Order(), ExclusionReasons.All);

    [Theory]
    [InlineData("en-US")]
    [InlineData("EN")]
    [InlineData("en_GB")]
    public void ACultureNameUsesItsLanguage(string language) =>
        Assert.Equal(ExclusionReasons.Describe(ExclusionReason.NotAvailable, "en"), ExclusionReasons.Describe(ExclusionReason.NotAvailable, language));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    [InlineData("english")]
    public void AnyOtherLanguageFallsBackToJapanese(string? language) =>
        Assert.Equal(ExclusionReasons.Describe(ExclusionReason.NotAvailable, "ja"), ExclusionReasons.Describe(ExclusionReason.NotAvailable, language));

    [Fact]
    public void ACultureDescribesInItsLanguage() =>
        Assert.Equal(
            ExclusionReasons.Describe(ExclusionReason.MonthlyCapReached, "en"),
            ExclusionReasons.Describe(ExclusionReason.MonthlyCapReached, CultureInfo.GetCultureInfo("en-US")));

    [Fact]
    public void RejectsAnUndefinedReason() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExclusionReasons.Describe((ExclusionReason)42, "ja"));
}
