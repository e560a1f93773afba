using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Me;

namespace KyodoHub.Tests.Me;

public class MonthlyCapFormTests : KyodoBunitContext
{
    private readonly List<int> _saved = [];

    public MonthlyCapFormTests() => UseInteractiveServerRenderer();

    private IRenderedComponent<MonthlyCapForm> RenderForm(int cap = 4) =>
        Render<MonthlyCapForm>(p => p
            .Add(f => f.Cap, cap)
            .Add(f => f.OnSave, value =>
            {
                _saved.Add(value);
                return Task.FromResult(true);
            }));

    private static string ErrorsText(IRenderedComponent<MonthlyCapForm> form) =>
        string.Join(" | ", form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()));

    [Theory]
    [InlineData("0")]
    [InlineData("32")]
    [InlineData("-3")]
    public void RefusesACapOutsideOneToThirtyOne(string typed)
    {
        var form = RenderForm();
        form.Find("input[data-testid=cap-input]").Change(typed);
        form.Find("form").Submit();
        Assert.Contains("1から31までの数を入力してください。", ErrorsText(form), StringComparison.Ordinal);
        Assert.Equal("true", form.Find("input[data-testid=cap-input]").GetAttribute("aria-invalid"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void AnEmptyCapIsRequired()
    {
        var form = RenderForm();
        form.Find("input[data-testid=cap-input]").Change("");
        form.Find("form").Submit();
        Assert.Contains("上限の回数を入力してください。", ErrorsText(form), StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public void SavesAValidCap()
    {
        var form = RenderForm();
        form.Find("input[data-testid=cap-input]").Change("31");
        Assert.Empty(ErrorsText(form));
        form.Find("form").Submit();
        Assert.Equal([31], _saved);
    }

    [Fact]
    public void TheSaveButtonWaitsForAChange()
    {
        var form = RenderForm(cap: 6);
        Assert.True(form.Find("[data-testid=save-cap]").HasAttribute("disabled"));
        form.Find("input[data-testid=cap-input]").Change("7");
        Assert.False(form.Find("[data-testid=save-cap]").HasAttribute("disabled"));
    }
}
