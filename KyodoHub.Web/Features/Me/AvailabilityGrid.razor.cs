using KyodoHub.Core.Registrants;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The weekly availability as a grid of weekdays (月〜日) by hourly slots. A click, Space or Enter
/// toggles a cell; the arrow keys, Home and End move between cells (one tab stop for the whole
/// grid) — in the browser, by the grid's script module, or here when the module is not there.
/// Every change is reported up as the new list of windows; the grid keeps no copy of its own.
/// </summary>
public sealed partial class AvailabilityGrid : IAsyncDisposable
{
    /// <summary>The grid's script module, beside the component.</summary>
    public const string ModulePath = "./Features/Me/AvailabilityGrid.razor.js";

    private readonly ElementReference[] _cells = new ElementReference[WeeklyGrid.Days.Count * WeeklyGrid.Slots.Count];
    private ElementReference _table;
    private IJSObjectReference? _module;
    private WeeklyGrid _grid = WeeklyGrid.From([]);
    private (int Row, int Col) _active;
    private bool _keysInBrowser;

    [Parameter, EditorRequired]
    public required IReadOnlyList<AvailabilityWindow> Windows { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<AvailabilityWindow>> WindowsChanged { get; set; }

    /// <summary>The grid's accessible name.</summary>
    [Parameter, EditorRequired]
    public required string Caption { get; set; }

    /// <summary>The id of the text that explains how to use the grid.</summary>
    [Parameter]
    public string? HelpId { get; set; }

    [Inject] private IStringLocalizer<SharedResource> Localizer { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    protected override void OnParametersSet() => _grid = WeeklyGrid.From(Windows);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference?>("import", ModulePath);
                if (_module is not null)
                {
                    await _module.InvokeVoidAsync("enableGridKeys", _table);
                    _keysInBrowser = true;
                }
            }
            catch (JSException)
            {
                // No module (blocked or failed to load): the arrow keys are handled here instead.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }

    private bool IsActive(int row, int col) => _active == (row, col);

    private Task ToggleAsync(int row, int col)
    {
        _active = (row, col);
        var toggled = _grid.Toggle(WeeklyGrid.Days[col], WeeklyGrid.Slots[row]);
        return WindowsChanged.InvokeAsync(toggled.ToWindows());
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e, int row, int col)
    {
        var rows = WeeklyGrid.Slots.Count;
        var cols = WeeklyGrid.Days.Count;
        (int Row, int Col)? target = e.Key switch
        {
            "ArrowUp" => (Math.Max(0, row - 1), col),
            "ArrowDown" => (Math.Min(rows - 1, row + 1), col),
            "ArrowLeft" => (row, Math.Max(0, col - 1)),
            "ArrowRight" => (row, Math.Min(cols - 1, col + 1)),
            "Home" => e.CtrlKey ? (0, 0) : (row, 0),
            "End" => e.CtrlKey ? (rows - 1, cols - 1) : (row, cols - 1),
            "PageUp" => (0, col),
            "PageDown" => (rows - 1, col),
            _ => null,
        };
        if (e.Key is " " or "Enter" or "Spacebar")
        {
            await ToggleAsync(row, col);
        }
        else if (target is { } t && t != (row, col) && !_keysInBrowser)
        {
            _active = t;
            StateHasChanged();
            await _cells[t.Row * cols + t.Col].FocusAsync();
        }
    }

    private string DayName(DayOfWeek day) => Localizer[$"Me_Day_{day}"];

    private string DayShort(DayOfWeek day) => Localizer[$"Me_DayShort_{day}"];

    private string CellName(DayOfWeek day, GridSlot slot, SlotState state) =>
        $"{DayName(day)} {slot.Label} {Localizer[$"Me_Slot_{state}"]}";

    private static string CellClass(SlotState state) => state switch
    {
        SlotState.Free => "kh-slot kh-slot-free",
        SlotState.Partly => "kh-slot kh-slot-partly",
        _ => "kh-slot",
    };

    private static string CellMark(SlotState state) => state switch
    {
        SlotState.Free => "○",
        SlotState.Partly => "△",
        _ => "",
    };
}
