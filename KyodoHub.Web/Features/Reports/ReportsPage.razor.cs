using System.Globalization;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Reports;

public partial class ReportsPage
{
    private readonly BarChartOptions _barOptions = new() { YAxisFormat = "0" };
    private readonly BarChartOptions _percentOptions = new() { YAxisFormat = "0", YAxisSuggestedMax = 100, ShowLegend = false, XAxisLabelRotation = 40 };
    private readonly StackedBarChartOptions _stackedOptions = new() { YAxisFormat = "0" };
    private readonly LineChartOptions _lineOptions = new() { YAxisFormat = "0", YAxisSuggestedMax = 100, YAxisRequireZeroPoint = true, ShowLegend = false };
    private ReportData? _data;
    private List<ChartSeries<double>> _monthly = [];
    private List<ChartSeries<double>> _timeToFill = [];
    private List<ChartSeries<double>> _byCategory = [];
    private List<ChartSeries<double>> _byArea = [];
    private List<ChartSeries<double>> _utilisation = [];
    private List<ChartSeries<double>> _offers = [];
    private string[] _monthLabels = [];
    private string[] _bucketLabels = [];
    private string[] _categoryLabels = [];
    private string[] _areaLabels = [];
    private string[] _utilisationLabels = [];

    [Inject]
    private ReportService Reports { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private string MonthlySummary => L["ReportMonthlySummary", _data!.Months.Sum(m => m.Created), _data.Months.Sum(m => m.Filled)];

    private string TimeToFillSummary => _data!.TimeToFill.MedianDays is { } median
        ? L["ReportTimeToFillSummary", _data.TimeToFill.Count, median.ToString("0.0", CultureInfo.CurrentCulture)]
        : L["NotAvailable"];

    private string UtilisationSummary => L["ReportUtilisationSummary", _data!.Utilisation.Active, _data.Utilisation.IdleSixMonths, _data.Utilisation.IdleTwelveMonths];

    private string OfferSummary
    {
        get
        {
            var answered = _data!.Offers.Sum(o => o.Answered);
            return answered == 0 ? L["NotAvailable"] : L["ReportOfferSummary", answered, ((double)_data.Offers.Sum(o => o.Accepted) / answered).ToString("P0", CultureInfo.CurrentCulture)];
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var data = await Reports.GetAsync();
        _monthLabels = data.Months.Select(m => m.Month[2..].Replace('-', '/')).ToArray();
        _monthly =
        [
            Series(L["ReportCreated"], data.Months.Select(m => (double)m.Created)),
            Series(L["ReportFilled"], data.Months.Select(m => (double)m.Filled)),
        ];
        _bucketLabels = data.TimeToFill.Buckets.Select(b => (string)L[$"ReportBucket_{b.Key}"]).ToArray();
        _timeToFill = [Series(L["ReportRequestCount"], data.TimeToFill.Buckets.Select(b => (double)b.Count))];
        var categories = data.ByCategory.Where(r => r.Decided > 0).ToList();
        _categoryLabels = categories.Select(r => DisplayFormats.Pick(r.NameJa, r.NameEn)).ToArray();
        _byCategory = [Series(L["ResultFillRate"], categories.Select(r => Math.Round((r.Rate ?? 0) * 100, 1)))];
        var areas = data.ByArea.Where(r => r.Decided > 0).ToList();
        _areaLabels = areas.Select(r => DisplayFormats.Pick(r.NameJa, r.NameEn)).ToArray();
        _byArea = [Series(L["ResultFillRate"], areas.Select(r => Math.Round((r.Rate ?? 0) * 100, 1)))];
        var u = data.Utilisation;
        _utilisationLabels = [L["ReportLastSixMonths"], L["ReportLastTwelveMonths"]];
        _utilisation =
        [
            Series(L["ReportWithActivity"], [u.Active - u.IdleSixMonths, u.Active - u.IdleTwelveMonths]),
            Series(L["ReportIdleRegistrants"], [u.IdleSixMonths, u.IdleTwelveMonths]),
        ];
        // A month without answered offers has no rate: a gap in the line, not a zero.
        _offers = [new() { Name = L["ReportAcceptanceRate"], Data = new ChartData<double>(data.Offers.Select(o => o.AcceptanceRate is { } r ? Math.Round(r * 100, 1) : (double?)null).ToList()) }];
        _data = data;
    }

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) =>
        new() { Name = name, Data = new ChartData<double>(values.ToArray()) };
}
