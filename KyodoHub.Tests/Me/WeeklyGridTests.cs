using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Me;

namespace KyodoHub.Tests.Me;

public class WeeklyGridTests
{
    private static GridSlot Slot(int hour) => WeeklyGrid.Slots.Single(s => s.StartMinute == hour * 60);

    [Fact]
    public void HasHourlySlotsFromEightToNineInTheEveningMondayFirst()
    {
        Assert.Equal(13, WeeklyGrid.Slots.Count);
        Assert.Equal("8:00–9:00", WeeklyGrid.Slots[0].Label);
        Assert.Equal("20:00–21:00", WeeklyGrid.Slots[^1].Label);
        Assert.Equal(DayOfWeek.Monday, WeeklyGrid.Days[0]);
        Assert.Equal(DayOfWeek.Sunday, WeeklyGrid.Days[^1]);
    }

    [Fact]
    public void TurningOffASlotInsideAWindowSplitsTheWindow()
    {
        var grid = WeeklyGrid.From([new AvailabilityWindow(DayOfWeek.Monday, 9 * 60, 12 * 60)]);
        var windows = grid.Toggle(DayOfWeek.Monday, Slot(10)).ToWindows();
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Monday, 540, 600), new AvailabilityWindow(DayOfWeek.Monday, 660, 720)], windows);
    }

    [Fact]
    public void TurningOnASlotNextToAWindowMergesWithIt()
    {
        var grid = WeeklyGrid.From([new AvailabilityWindow(DayOfWeek.Friday, 13 * 60, 15 * 60)]);
        var windows = grid.Toggle(DayOfWeek.Friday, Slot(15)).Toggle(DayOfWeek.Friday, Slot(12)).ToWindows();
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Friday, 12 * 60, 16 * 60)], windows);
    }

    [Fact]
    public void KeepsTimesOutsideTheGridAndOffItsBoundariesUntouched()
    {
        var early = new AvailabilityWindow(DayOfWeek.Sunday, 6 * 60, 7 * 60 + 30);
        var late = new AvailabilityWindow(DayOfWeek.Sunday, 21 * 60, 23 * 60);
        var windows = WeeklyGrid.From([early, late]).Toggle(DayOfWeek.Sunday, Slot(9)).ToWindows();
        Assert.Equal([early, new AvailabilityWindow(DayOfWeek.Sunday, 540, 600), late], windows);
    }

    [Fact]
    public void ASlotFreeForAPartIsPartlyFreeAndTogglesToFullyFree()
    {
        var grid = WeeklyGrid.From([new AvailabilityWindow(DayOfWeek.Tuesday, 9 * 60 + 30, 10 * 60)]);
        Assert.Equal(SlotState.Partly, grid.StateOf(DayOfWeek.Tuesday, Slot(9)));
        var toggled = grid.Toggle(DayOfWeek.Tuesday, Slot(9));
        Assert.Equal(SlotState.Free, toggled.StateOf(DayOfWeek.Tuesday, Slot(9)));
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Tuesday, 540, 600)], toggled.ToWindows());
    }

    [Fact]
    public void GivesWindowsInTheOrderTheDomainStoresThem()
    {
        var registrant = Domain.DomainBuilders.NewRegistrant();
        var windows = WeeklyGrid.From([]).Toggle(DayOfWeek.Saturday, Slot(8)).Toggle(DayOfWeek.Monday, Slot(20)).Toggle(DayOfWeek.Sunday, Slot(14)).ToWindows();
        registrant.SetWeeklyAvailability(windows);
        Assert.Equal(windows, registrant.WeeklyAvailability);
    }
}
