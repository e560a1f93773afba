using KyodoHub.Core.Matching;
using KyodoHub.Core.Skills;

namespace KyodoHub.Tests.Matching;

public class SkillTextMatcherTests
{
    private static readonly SkillTextMatcher Matcher = new(TestTags.All);

    [Theory]
    [InlineData("ｽﾎﾟｰﾂ")]
    [InlineData("すぽーつ")]
    [InlineData("スポーツ")]
    [InlineData("ＳＰＯＲＴＳ coaching")]
    public void FoldsKanaAndWidth(string text) =>
        Assert.Equal([TestTags.SportsCoaching], Matcher.Match(text));

    [Fact]
    public void AWordInHiraganaFindsEveryTagNamedWithIt() =>
        Assert.Equal([TestTags.PcClass, TestTags.PcRepair], Matcher.Match("ぱそこん"));

    [Fact]
    public void FindsTagsMentionedInARequestDescription() =>
        Assert.Equal(
            [TestTags.SmartphoneClass, TestTags.Listening],
            Matcher.Match("高齢者サロンで、すまほの使い方を教えながら話し相手にもなってほしい。"));

    [Fact]
    public void FindsATagByItsEnglishName() =>
        Assert.Equal([TestTags.EnglishConversation], Matcher.Match("English conversation for kids"));

    [Fact]
    public void AFirstEnglishWordIsEnoughInASearchBox() =>
        Assert.Equal([TestTags.SignLanguage], Matcher.Match("sign"));

    [Fact]
    public void LatinNamesMatchWholeWordsOnly()
    {
        Assert.Equal([TestTags.PcClass], Matcher.Match("PCを教えて"));
        Assert.Empty(Matcher.Match("PCR test"));
        Assert.Empty(Matcher.Match("art"));
    }

    [Fact]
    public void ReturnsEachTagOnceInIdOrder() =>
        Assert.Equal([TestTags.PcClass, TestTags.SmartphoneClass, TestTags.PcRepair], Matcher.Match("スマホ、パソコン、PC、ﾊﾟｿｺﾝ教室"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("会場の受付")]
    public void FindsNothingInTextWithoutSkills(string? text) =>
        Assert.Empty(Matcher.Match(text));

    [Fact]
    public void IgnoresOneCharacterWords() =>
        Assert.Empty(new SkillTextMatcher([new SkillTag(1, 1, "絵", "E", ["え"])]).Match("え"));
}
