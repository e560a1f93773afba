using KyodoHub.Core.Common;

namespace KyodoHub.Web.Features.Reports;

/// <summary>Requests created and requests filled in one Tokyo month (<c>yyyy-MM</c>).</summary>
public sealed record MonthCount(string Month, int Created, int Filled);

/// <summary>How many requests filled within a range of days after they came in.</summary>
public sealed record TimeToFillBucket(string Key, int MinDays, int? MaxDays, int Count);

public sealed record TimeToFill(IReadOnlyList<TimeToFillBucket> Buckets, int Count, double? MedianDays, double? AverageDays);

/// <summary>Fill rate of one category or town.</summary>
public sealed record FillRateRow(string NameJa, string NameEn, int Decided, int Filled)
{
    public double? Rate => FillRate.Of(Filled, Decided);
}

/// <summary>Active registrants and how many of them had no completed activity in the last 6 and 12 months.</summary>
public sealed record Utilisation(int Active, int IdleSixMonths, int IdleTwelveMonths);

/// <summary>Offers answered in one Tokyo month.</summary>
public sealed record OfferMonth(string Month, int Accepted, int Declined, int Expired)
{
    public int Answered => Accepted + Declined + Expired;

    public double? AcceptanceRate => Answered == 0 ? null : (double)Accepted / Answered;
}

/// <summary>The reports of one fiscal year (<c>Year</c>); <c>Years</c> are those with data, newest first, for the selector.</summary>
public sealed record ReportData(
    FiscalYear Year, IReadOnlyList<FiscalYear> Years, IReadOnlyList<MonthCount> Months, TimeToFill TimeToFill, IReadOnlyList<FillRateRow> ByCategory, IReadOnlyList<FillRateRow> ByArea,
    Utilisation Utilisation, IReadOnlyList<OfferMonth> Offers);

/// <summary>The charts of the reports page; each one's numbers download as CSV.</summary>
public enum ReportChart
{
    Monthly = 0,
    TimeToFill = 1,
    FillRateByCategory = 2,
    FillRateByArea = 3,
    Utilisation = 4,
    OfferAcceptance = 5,
}

/// <summary>One row of a bar list: a label and a value per series, <c>null</c> where there is no data.</summary>
public sealed record BarRow(string Label, IReadOnlyList<double?> Values);
