using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Text;
using static KyodoHub.Tests.Domain.DomainBuilders;

namespace KyodoHub.Tests.Me;

public class WorkspaceDomainTests
{
    [Theory]
    [InlineData("やまだ たろう", "ヤマダ タロウ")]
    [InlineData("ﾔﾏﾀﾞ　ﾀﾛｳ", "ヤマダ タロウ")]
    [InlineData("  ヤマダ　　タロウ ", "ヤマダ タロウ")]
    [InlineData("すずき・ろーら", "スズキ・ローラ")]
    public void FuriganaIsStoredAsKatakanaWithSingleSpaces(string typed, string stored)
    {
        var registrant = NewRegistrant();
        registrant.UpdateProfile("山田 太郎", typed, "yamada@example.jp", null, 7);
        Assert.Equal(stored, registrant.Furigana);
    }

    [Theory]
    [InlineData("Yamada Taro")]
    [InlineData("山田 太郎")]
    [InlineData("ヤマダ1")]
    public void FuriganaThatIsNotKanaIsRefusedNamingTheField(string typed)
    {
        var error = Assert.Throws<DomainValidationException>(() => NewRegistrant().UpdateProfile("山田 太郎", typed, "yamada@example.jp", null, 7));
        Assert.Equal((nameof(Registrant.Furigana), "KanaOnly"), (error.Field, error.Code));
    }

    [Fact]
    public void AnEmptyFuriganaIsRequired()
    {
        var error = Assert.Throws<DomainValidationException>(() => Registrant.ReadingOf(" "));
        Assert.Equal((nameof(Registrant.Furigana), "Required"), (error.Field, error.Code));
    }

    [Fact]
    public void ReadingFoldingLeavesKatakanaAsItIs() =>
        Assert.Equal("サトウ シズエ", TextFolding.ToKatakanaReading("サトウ シズエ"));

    [Fact]
    public void ADeletionRequestWaitsUntilCancelledOrCompletedOnce()
    {
        var request = new DataDeletionRequest(12, "  ", "registrant@kyodohub.example", Now);
        Assert.True(request.IsWaiting);
        Assert.Null(request.Reason);
        request.Cancel("registrant@kyodohub.example", Now.AddHours(1));
        Assert.Equal(DeletionRequestState.Cancelled, request.State);
        Assert.Equal(Now.AddHours(1), request.ClosedAt);
        var again = Assert.Throws<DomainRuleException>(() => request.Complete("desk@kyodohub.example", Now.AddHours(2)));
        Assert.Equal("DeletionRequestClosed", again.Code);
    }

    [Fact]
    public void StaffCompleteADeletionRequest()
    {
        var request = new DataDeletionRequest(12, "転居", "registrant@kyodohub.example", Now);
        request.Complete("desk@kyodohub.example", Now.AddDays(3));
        Assert.Equal((DeletionRequestState.Completed, "desk@kyodohub.example"), (request.State, request.ClosedBy));
        Assert.False(request.IsWaiting);
    }

    [Fact]
    public void ADeletionReasonIsAtMostFiveHundredCharacters()
    {
        var error = Assert.Throws<DomainValidationException>(() => new DataDeletionRequest(12, new string('あ', 501), "r@example.jp", Now));
        Assert.Equal(nameof(DataDeletionRequest.Reason), error.Field);
    }
}
