using Bunit;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Me;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Tests.Me;

public class AvailabilityGridTests : KyodoBunitContext
{
    private IReadOnlyList<AvailabilityWindow> _windows = [];
    private int _reports;

    public AvailabilityGridTests() => UseInteractiveServerRenderer();

    // Plays the parent: takes each reported change and renders the grid with it, as a page does.
    private IRenderedComponent<AvailabilityGrid> RenderGrid(params AvailabilityWindow[] windows)
    {
        _windows = windows;
        IRenderedComponent<AvailabilityGrid>? grid = null;
        grid = Render<AvailabilityGrid>(p => p
            .Add(g => g.Windows, _windows)
            .Add(g => g.Caption, "毎週の活動できる時間")
            .Add(g => g.WindowsChanged, EventCallback.Factory.Create<IReadOnlyList<AvailabilityWindow>>(this, changed =>
            {
                _windows = changed;
                _reports++;
                grid!.Render(q => q.Add(g => g.Windows, _windows));
            })));
        return grid;
    }

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<AvailabilityGrid> grid, string name) =>
        grid.Find($"td[role=gridcell][aria-label='{name}']");

    [Fact]
    public void NamesEveryCellByDayTimeAndWhetherItIsFree()
    {
        var grid = RenderGrid(new AvailabilityWindow(DayOfWeek.Monday, 9 * 60, 10 * 60));
        Assert.Equal(7 * 13, grid.FindAll("td[role=gridcell]").Count);
        Assert.Equal("true", Cell(grid, "月曜 9:00–10:00 空いている").GetAttribute("aria-selected"));
        Assert.Equal("false", Cell(grid, "月曜 10:00–11:00 空いていない").GetAttribute("aria-selected"));
        Assert.NotNull(Cell(grid, "日曜 20:00–21:00 空いていない"));
    }

    [Fact]
    public void ClickingCellsReportsTheWindowsTheyMake()
    {
        var grid = RenderGrid();
        Cell(grid, "水曜 10:00–11:00 空いていない").Click();
        Cell(grid, "水曜 11:00–12:00 空いていない").Click();
        Cell(grid, "金曜 18:00–19:00 空いていない").Click();
        Assert.Equal(
            [new AvailabilityWindow(DayOfWeek.Wednesday, 600, 720), new AvailabilityWindow(DayOfWeek.Friday, 1080, 1140)],
            _windows);

        Cell(grid, "水曜 10:00–11:00 空いている").Click();
        Assert.Equal(
            [new AvailabilityWindow(DayOfWeek.Wednesday, 660, 720), new AvailabilityWindow(DayOfWeek.Friday, 1080, 1140)],
            _windows);
    }

    [Fact]
    public void SpaceAndEnterToggleTheCellThatHasTheFocus()
    {
        var grid = RenderGrid(new AvailabilityWindow(DayOfWeek.Thursday, 8 * 60, 9 * 60));
        Cell(grid, "木曜 8:00–9:00 空いている").KeyDown(Key.Space);
        Assert.Empty(_windows);
        Cell(grid, "木曜 8:00–9:00 空いていない").KeyDown(Key.Enter);
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Thursday, 480, 540)], _windows);
        Assert.Equal(2, _reports);
    }

    [Fact]
    public void OtherKeysChangeNothing()
    {
        var grid = RenderGrid();
        Cell(grid, "月曜 8:00–9:00 空いていない").KeyDown(Key.Tab);
        Cell(grid, "月曜 8:00–9:00 空いていない").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "a" });
        Assert.Equal(0, _reports);
    }

    [Fact]
    public void HandsTheArrowKeysToItsScriptModuleInTheBrowser()
    {
        var module = JSInterop.SetupModule(AvailabilityGrid.ModulePath);
        module.SetupVoid("enableGridKeys", _ => true).SetVoidResult();
        var grid = RenderGrid();
        module.VerifyInvoke("enableGridKeys");
        Assert.Single(grid.FindAll("table[role=grid][data-rows='13'][data-cols='7']"));
        Assert.Equal(("3", "6"), (Cell(grid, "日曜 11:00–12:00 空いていない").GetAttribute("data-row"), Cell(grid, "日曜 11:00–12:00 空いていない").GetAttribute("data-col")));
    }

    [Fact]
    public void WithoutItsScriptTheGridIsOneTabStopThatTheArrowKeysMove()
    {
        JSInterop.SetupModule(AvailabilityGrid.ModulePath).SetupVoid("enableGridKeys", _ => true).SetException(new Microsoft.JSInterop.JSException("blocked"));
        var grid = RenderGrid();
        Assert.Single(grid.FindAll("td[tabindex='0']"));
        Assert.Equal("月曜 8:00–9:00 空いていない", grid.Find("td[tabindex='0']").GetAttribute("aria-label"));

        grid.Find("td[tabindex='0']").KeyDown(Key.Right);
        Assert.Equal("火曜 8:00–9:00 空いていない", grid.Find("td[tabindex='0']").GetAttribute("aria-label"));
        grid.Find("td[tabindex='0']").KeyDown(Key.Down);
        grid.Find("td[tabindex='0']").KeyDown(Key.Down);
        Assert.Equal("火曜 10:00–11:00 空いていない", grid.Find("td[tabindex='0']").GetAttribute("aria-label"));
        grid.Find("td[tabindex='0']").KeyDown(Key.End);
        Assert.Equal("日曜 10:00–11:00 空いていない", grid.Find("td[tabindex='0']").GetAttribute("aria-label"));
        grid.Find("td[tabindex='0']").KeyDown(Key.Right);
        Assert.Equal("日曜 10:00–11:00 空いていない", grid.Find("td[tabindex='0']").GetAttribute("aria-label"));

        // Moving and then pressing Space toggles the cell moved to.
        grid.Find("td[tabindex='0']").KeyDown(Key.Space);
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Sunday, 600, 660)], _windows);
        Assert.Single(grid.FindAll("td[tabindex='0']"));
        Assert.Equal("日曜 10:00–11:00 空いている", grid.Find("td[tabindex='0']").GetAttribute("aria-label"));
        JSInterop.VerifyFocusAsyncInvoke(4);
    }
}
