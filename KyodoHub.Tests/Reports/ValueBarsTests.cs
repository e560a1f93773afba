using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Reports;

namespace KyodoHub.Tests.Reports;

public class ValueBarsTests : KyodoBunitContext
{
    [Fact]
    public void ZeroPercentDrawsABarWithItsValueWhereNoDataSaysSo()
    {
        var cut = Render<ValueBars>(p => p
            .Add(x => x.Chart, ReportChart.FillRateByArea)
            .Add(x => x.Rows, [new BarRow("曙町", [0]), new BarRow("泉町", [null]), new BarRow("錦町", [75])])
            .Add(x => x.SeriesNames, ["充足率"])
            .Add(x => x.Format, v => $"{v}%")
            .Add(x => x.Max, 100));

        var zero = cut.Find("[data-label=曙町]");
        Assert.Equal("0%", zero.QuerySelector(".kh-value-text")!.TextContent);
        Assert.NotNull(zero.QuerySelector(".kh-value-fill"));

        var none = cut.Find("[data-label=泉町]");
        Assert.Equal("データなし", none.QuerySelector(".kh-value-text")!.TextContent);
        Assert.Null(none.QuerySelector(".kh-value-fill"));

        Assert.Contains("width: 75%", cut.Find("[data-label=錦町] .kh-value-fill").GetAttribute("style"), StringComparison.Ordinal);
    }
}
