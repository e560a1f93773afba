using KyodoHub.Core.Common;
using KyodoHub.Core.Planning;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Planning;

/// <summary>
/// Batch assignment: run the planner for a date range, compare it with the one-by-one plan, drop
/// or swap single choices (the rules are checked again after each edit), then send every offer.
/// </summary>
public sealed partial class PlanPage
{
    private DateOnly? _from;
    private DateOnly? _to;
    private int _candidates = 50;
    private int _perRegistrant;
    private bool _fair;
    private PlanView? _view;
    private List<PlannedOffer> _offers = [];
    private string? _violation;
    private string? _error;
    private string? _message;
    private Severity _severity;
    private bool _running;
    private bool _sending;

    [Inject] private PlanningService Planning { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    /// <summary>The open requests the plan, as edited, leaves out or short, and why.</summary>
    private IReadOnlyList<PlanGap> Gaps => _view is null ? [] : PlanGaps.Of(_view.Requests, _offers);

    private PlanResult? Summary => _view is null ? null : GreedyPlanner.Summarise(_view.Requests, _offers, false, null);

    protected override void OnInitialized()
    {
        var today = TokyoTime.Today(Clock);
        (_from, _to) = (today, today.AddDays(60));
    }

    private async Task RunAsync()
    {
        (_error, _message) = (null, null);
        if (_from is null || _to is null || _to < _from)
        {
            _error = L["Validation_EndBeforeStart", L["PlanTo"]];
            return;
        }
        _running = true;
        try
        {
            _view = await Planning.PlanAsync(new PlanSettings(_from.Value, _to.Value, Math.Clamp(_candidates, 1, 200), _perRegistrant > 0 ? _perRegistrant : null, _fair));
            _offers = [.. _view.Comparison.Solver.Offers];
            Check();
        }
        finally
        {
            _running = false;
        }
    }

    private void Drop(PlannedOffer offer)
    {
        _offers.Remove(offer);
        Check();
    }

    private void Swap(PlannedOffer offer, string? registrantId)
    {
        if (_view is null || !int.TryParse(registrantId, out var id))
        {
            return;
        }
        var candidate = _view.Requests.Single(r => r.RequestId == offer.RequestId).Candidates.Single(c => c.RegistrantId == id);
        _offers[_offers.IndexOf(offer)] = new PlannedOffer(offer.RequestId, id, candidate.Score, candidate.Breakdown);
        Check();
    }

    private void Check() =>
        _violation = _view is null ? null : PlanRules.Violation(_view.Requests, _view.Registrants, _offers, _view.Options);

    private async Task SendAsync()
    {
        _sending = true;
        try
        {
            var sent = await Planning.SendAsync(_offers);
            (_message, _severity) = (L.Count("OffersSent", sent), Severity.Success);
            _view = null;
            _offers = [];
        }
        catch (DomainRuleException ex)
        {
            (_message, _severity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        finally
        {
            _sending = false;
        }
    }
}
