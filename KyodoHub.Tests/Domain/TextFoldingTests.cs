using KyodoHub.Core.Text;

namespace KyodoHub.Tests.Domain;

public class TextFoldingTests
{
    [Theory]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("かたかな", "カタカナ")]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("ｽﾎﾟｰﾂ", "スポーツ")]
    [InlineData("やまだ", "ヤマダ")]
    public void FoldsKanaAndWidthToTheSameKey(string input, string same) =>
        Assert.Equal(TextFolding.Fold(same), TextFolding.Fold(input));

    [Fact]
    public void FindsKatakanaTextWithAHiraganaNeedle() =>
        Assert.True(TextFolding.FoldedContains("ヤマダ タロウ", "やまだ"));
}
