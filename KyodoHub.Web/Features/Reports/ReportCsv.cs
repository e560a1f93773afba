using System.Globalization;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Reports;

/// <summary>Each chart's numbers as a CSV file, with column names in the current language.</summary>
public static class ReportCsv
{
    public static byte[] For(ReportChart chart, ReportData data, IStringLocalizer L)
    {
        static string N(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
        static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
        return chart switch
        {
            ReportChart.Monthly => CsvFiles.Write([L["ReportMonth"], L["ReportCreated"], L["ReportFilled"]],
                data.Months.Select(m => (IReadOnlyList<string>)[m.Month, I(m.Created), I(m.Filled)])),
            ReportChart.TimeToFill => CsvFiles.Write([L["ReportDaysToFill"], L["ReportRequestCount"]],
                data.TimeToFill.Buckets.Select(b => (IReadOnlyList<string>)[b.Key, I(b.Count)])),
            ReportChart.FillRateByCategory => FillRates(L["Category"], data.ByCategory, L),
            ReportChart.FillRateByArea => FillRates(L["Area"], data.ByArea, L),
            ReportChart.Utilisation => CsvFiles.Write([L["ReportPeriod"], L["ReportActiveRegistrants"], L["ReportIdleRegistrants"]],
            [
                [L["ReportLastSixMonths"], I(data.Utilisation.Active), I(data.Utilisation.IdleSixMonths)],
                [L["ReportLastTwelveMonths"], I(data.Utilisation.Active), I(data.Utilisation.IdleTwelveMonths)],
            ]),
            _ => CsvFiles.Write([L["ReportMonth"], L["ReportAccepted"], L["ReportDeclined"], L["ReportExpired"], L["ReportAcceptanceRate"]],
                data.Offers.Select(o => (IReadOnlyList<string>)[o.Month, I(o.Accepted), I(o.Declined), I(o.Expired), N(o.AcceptanceRate)])),
        };

        static byte[] FillRates(string name, IReadOnlyList<FillRateRow> rows, IStringLocalizer L) =>
            CsvFiles.Write([name, L["ReportDecided"], L["ReportFilled"], L["ResultFillRate"]],
                rows.Select(r => (IReadOnlyList<string>)[DisplayFormats.Pick(r.NameJa, r.NameEn), I(r.Decided), I(r.Filled), N(r.Rate)]));
    }

    /// <summary>The download name of a chart's CSV, e.g. <c>report-monthly.csv</c>.</summary>
    public static string FileName(ReportChart chart) => $"report-{chart.ToString().ToLowerInvariant()}.csv";
}
