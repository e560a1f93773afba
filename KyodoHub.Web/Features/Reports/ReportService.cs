using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Reports;

/// <summary>
/// The coordinators' and administrators' reports: requests and fills per month, time to fill,
/// fill rate by category and town, registrant utilisation (the guideline's concern that
/// registered talent goes unused, §4(1)①) and offer acceptance, for one fiscal year (April to
/// March, Tokyo months). Utilisation looks back from today whatever the year.
/// </summary>
public sealed class ReportService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    private static readonly (string Key, int Min, int? Max)[] Buckets = [("0-2", 0, 2), ("3-6", 3, 6), ("7-13", 7, 13), ("14-29", 14, 29), ("30+", 30, null)];

    /// <summary>The reports of a fiscal year; the current one when <paramref name="year"/> is not given.</summary>
    public async Task<ReportData> GetAsync(FiscalYear? year = null, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        var now = clock.GetUtcNow();
        var current = FiscalYear.Current(clock);
        var shown = year ?? current;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = await db.Requests.AsNoTracking().ToListAsync(cancellationToken);
        // Time to fill and fill rates count the requests that came in during the year.
        var requests = all.Where(r => shown.Contains(r.CreatedAt)).ToList();
        var categories = await db.SkillCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var answers = await db.Offers.AsNoTracking()
            .Where(o => o.State == OfferState.Accepted || o.State == OfferState.Declined || o.State == OfferState.Expired)
            .Select(o => new { o.State, o.AnsweredAt }).ToListAsync(cancellationToken);

        var months = shown.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var monthly = months.Select(m => new MonthCount(m,
            all.Count(r => MonthOf(r.CreatedAt) == m),
            all.Count(r => r.FilledAt is { } f && MonthOf(f) == m))).ToList();

        var days = requests.Where(r => r.FilledAt is not null).Select(r => (r.FilledAt!.Value - r.CreatedAt).TotalDays).Order().ToList();
        var timeToFill = new TimeToFill(
            Buckets.Select(b => new TimeToFillBucket(b.Key, b.Min, b.Max, days.Count(d => (int)Math.Floor(d) >= b.Min && (b.Max is null || (int)Math.Floor(d) <= b.Max)))).ToList(),
            days.Count,
            days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2,
            days.Count == 0 ? null : days.Average());

        FillRateRow Rate(string ja, string en, Func<Core.Requests.Request, bool> include)
        {
            var decided = requests.Where(include).Where(r => FillRate.IsDecided(r, now)).ToList();
            return new FillRateRow(ja, en, decided.Count, decided.Count(FillRate.IsFilled));
        }

        var offers = months.Select(m => new OfferMonth(m,
            answers.Count(a => a.State == OfferState.Accepted && a.AnsweredAt is { } t && MonthOf(t) == m),
            answers.Count(a => a.State == OfferState.Declined && a.AnsweredAt is { } t && MonthOf(t) == m),
            answers.Count(a => a.State == OfferState.Expired && a.AnsweredAt is { } t && MonthOf(t) == m))).ToList();

        var first = all.Count == 0 ? current : FiscalYear.Of(TokyoTime.DateOf(all.Min(r => r.CreatedAt)));
        var from = Math.Min(first.StartYear, shown.StartYear);
        var to = Math.Max(current.StartYear, shown.StartYear);
        var years = Enumerable.Range(from, to - from + 1).Select(y => new FiscalYear(y)).Reverse().ToList();
        return new ReportData(
            shown, years, monthly, timeToFill,
            categories.Select(c => Rate(c.NameJa, c.NameEn, r => r.CategoryId == c.Id)).ToList(),
            areas.Select(a => Rate(a.NameJa, a.NameEn, r => r.AreaId == a.Id)).ToList(),
            await UtilisationAsync(db, now, cancellationToken),
            offers);
    }

    /// <summary>Tokyo month of an instant, as <c>yyyy-MM</c>.</summary>
    public static string MonthOf(DateTimeOffset instant) => TokyoTime.ToLocal(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<Utilisation> UtilisationAsync(KyodoDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await db.Registrants.Where(r => r.Status == RegistrantStatus.Active).Select(r => r.Id).ToListAsync(cancellationToken);
        var completed = await db.Assignments.AsNoTracking()
            .Where(a => a.State == AssignmentState.Completed)
            .Select(a => new { a.RegistrantId, a.ClosedAt }).ToListAsync(cancellationToken);
        int Idle(int months)
        {
            var since = now.AddMonths(-months);
            var busy = completed.Where(a => a.ClosedAt >= since).Select(a => a.RegistrantId).ToHashSet();
            return active.Count(id => !busy.Contains(id));
        }
        return new Utilisation(active.Count, Idle(6), Idle(12));
    }
}
