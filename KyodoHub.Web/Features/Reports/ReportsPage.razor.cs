using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Reports;

/// <summary>The reports of one fiscal year, chosen in the selector (<c>/reports?year=2026</c>).</summary>
public partial class ReportsPage
{
    private ReportData? _data;
    private IReadOnlyList<BarRow> _monthly = [];
    private IReadOnlyList<BarRow> _timeToFill = [];
    private IReadOnlyList<BarRow> _byCategory = [];
    private IReadOnlyList<BarRow> _byArea = [];
    private IReadOnlyList<BarRow> _utilisation = [];
    private IReadOnlyList<BarRow> _offers = [];

    [SupplyParameterFromQuery(Name = "year")]
    private int? Year { get; set; }

    [Inject]
    private ReportService Reports { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private string[] MonthlySeries => [L["ReportCreated"], L["ReportFilled"]];

    private string[] CountSeries => [L["ReportRequestCount"]];

    private string[] RateSeries => [L["ResultFillRate"]];

    private string[] UtilisationSeries => [L["ReportWithActivity"], L["ReportIdleRegistrants"]];

    private string[] AcceptanceSeries => [L["ReportAcceptanceRate"]];

    private string MonthlySummary => L["ReportMonthlySummary", _data!.Months.Sum(m => m.Created), _data.Months.Sum(m => m.Filled)];

    private string TimeToFillSummary => _data!.TimeToFill.MedianDays is { } median
        ? L["ReportTimeToFillSummary", _data.TimeToFill.Count, median.ToString("0.0", CultureInfo.CurrentCulture)]
        : L["ReportNoData"];

    private string UtilisationSummary => L["ReportUtilisationSummary", _data!.Utilisation.Active, _data.Utilisation.IdleSixMonths, _data.Utilisation.IdleTwelveMonths];

    private string OfferSummary
    {
        get
        {
            var answered = _data!.Offers.Sum(o => o.Answered);
            return answered == 0 ? L["ReportNoData"] : L["ReportOfferSummary", answered, ((double)_data.Offers.Sum(o => o.Accepted) / answered).ToString("P0", CultureInfo.CurrentCulture)];
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var year = Year is >= 1900 and <= 9998 ? new FiscalYear(Year.Value) : (FiscalYear?)null;
        var data = await Reports.GetAsync(year);
        var months = MonthNames.AxisLabels(data.Year.Months, CultureInfo.CurrentCulture);
        _monthly = data.Months.Select((m, i) => new BarRow(months[i], [m.Created, m.Filled])).ToList();
        _timeToFill = data.TimeToFill.Buckets.Select(b => new BarRow(L[$"ReportBucket_{b.Key}"], [b.Count])).ToList();
        _byCategory = RateRows(data.ByCategory);
        _byArea = RateRows(data.ByArea);
        var u = data.Utilisation;
        _utilisation =
        [
            new BarRow(L["ReportLastSixMonths"], [u.Active - u.IdleSixMonths, u.IdleSixMonths]),
            new BarRow(L["ReportLastTwelveMonths"], [u.Active - u.IdleTwelveMonths, u.IdleTwelveMonths]),
        ];
        // A month without answered offers has no rate: it says so, where a month with only declines shows 0 %.
        _offers = data.Offers.Select((o, i) => new BarRow(months[i], [Percent(o.AcceptanceRate)])).ToList();
        _data = data;
    }

    private void ChooseYear(ChangeEventArgs e) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("year", int.TryParse(e.Value?.ToString(), out var y) ? y : null));

    private static List<BarRow> RateRows(IReadOnlyList<FillRateRow> rows) =>
        rows.Select(r => new BarRow(DisplayFormats.Pick(r.NameJa, r.NameEn), [Percent(r.Rate)])).ToList();

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static string Count(double value) => value.ToString("0", CultureInfo.CurrentCulture);

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.CurrentCulture) + "%";
}
