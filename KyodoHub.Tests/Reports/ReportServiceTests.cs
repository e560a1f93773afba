using System.Text;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Reports;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Reports;

[Collection(AppCollection.Name)]
public class ReportServiceTests(AppFixture fixture)
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task TheNumbersEqualCountsTakenStraightFromTheDatabase()
    {
        var report = await ReportAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var year = FiscalYear.Of(TokyoTime.DateOf(now));
        var windowStart = TokyoTime.FromLocal(new DateOnly(year.StartYear, 4, 1), TimeOnly.MinValue);
        var windowEnd = TokyoTime.FromLocal(new DateOnly(year.StartYear + 1, 4, 1), TimeOnly.MinValue);
        bool InWindow(DateTimeOffset? t) => t >= windowStart && t < windowEnd;

        var all = await db.Requests.ToListAsync();
        Assert.Equal(year, report.Year);
        Assert.Equal(all.Count(r => InWindow(r.CreatedAt)), report.Months.Sum(m => m.Created));
        Assert.Equal(all.Count(r => InWindow(r.FilledAt)), report.Months.Sum(m => m.Filled));
        var requests = all.Where(r => InWindow(r.CreatedAt)).ToList();
        Assert.Equal(requests.Count(r => r.FilledAt != null), report.TimeToFill.Count);
        Assert.Equal(report.TimeToFill.Count, report.TimeToFill.Buckets.Sum(b => b.Count));

        bool Decided(Request r) => r.State is not RequestState.Cancelled
            && !(r.State is RequestState.Open or RequestState.PartiallyFilled && r.FillBy > now);
        foreach (var category in await db.SkillCategories.ToListAsync())
        {
            var row = report.ByCategory.Single(c => c.NameJa == category.NameJa);
            Assert.Equal(requests.Count(r => r.CategoryId == category.Id && Decided(r)), row.Decided);
            Assert.Equal(requests.Count(r => r.CategoryId == category.Id && Decided(r) && r.FilledAt != null), row.Filled);
        }
        foreach (var area in await db.Areas.ToListAsync())
        {
            var row = report.ByArea.Single(a => a.NameJa == area.NameJa);
            Assert.Equal(requests.Count(r => r.AreaId == area.Id && Decided(r)), row.Decided);
        }
        Assert.True(report.ByCategory.Sum(c => c.Decided) > 0, "the demo data has decided requests");

        var active = await db.Registrants.Where(r => r.Status == RegistrantStatus.Active).Select(r => r.Id).ToListAsync();
        var since6 = now.AddMonths(-6);
        var busy6 = (await db.Assignments.Where(a => a.State == AssignmentState.Completed).ToListAsync())
            .Where(a => a.ClosedAt >= since6).Select(a => a.RegistrantId).ToHashSet();
        Assert.Equal(active.Count, report.Utilisation.Active);
        Assert.Equal(active.Count(id => !busy6.Contains(id)), report.Utilisation.IdleSixMonths);
        Assert.True(report.Utilisation.IdleTwelveMonths <= report.Utilisation.IdleSixMonths);

        var answered = await db.Offers.Where(o => o.State == OfferState.Accepted || o.State == OfferState.Declined || o.State == OfferState.Expired).ToListAsync();
        Assert.Equal(answered.Count(o => o.State == OfferState.Accepted && InWindow(o.AnsweredAt)), report.Offers.Sum(o => o.Accepted));
        Assert.Equal(answered.Count(o => o.State == OfferState.Declined && InWindow(o.AnsweredAt)), report.Offers.Sum(o => o.Declined));
    }

    [Fact]
    public async Task EachChartDownloadsAsUtf8CsvWithABom()
    {
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        foreach (var chart in Enum.GetValues<ReportChart>())
        {
            using var response = await client.GetAsync($"/reports/{chart.ToString().ToLowerInvariant()}.csv");
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.True(Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length >= 2, $"{chart} has a header and rows");
        }
        var monthly = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/reports/monthly.csv"));
        Assert.Equal(12 + 1, monthly.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AnEarlierFiscalYearShowsItsOwnAprilToMarchMonths()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var earlier = new FiscalYear(FiscalYear.Of(TokyoTime.DateOf(now)).StartYear - 1);
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        var report = await coordinator.ServiceProvider.GetRequiredService<ReportService>().GetAsync(earlier);
        Assert.Equal(earlier, report.Year);
        Assert.Equal($"{earlier.StartYear}-04", report.Months[0].Month);
        Assert.Equal($"{earlier.StartYear + 1}-03", report.Months[^1].Month);
    }

    [Fact]
    public async Task GroupContactsGetNoReports()
    {
        await using var group = ScopeAs.User(Services, Roles.GroupContact, groupId: 1);
        await Assert.ThrowsAsync<AccessDeniedException>(() => group.ServiceProvider.GetRequiredService<ReportService>().GetAsync());
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.GroupContact), DemoUsers.Password);
        using var response = await client.GetAsync("/reports/monthly.csv");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<ReportData> ReportAsync()
    {
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        return await coordinator.ServiceProvider.GetRequiredService<ReportService>().GetAsync();
    }
}
