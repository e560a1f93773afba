using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Imports;

/// <summary>The demo registry exported from one app imports into an empty one with every row as it was.</summary>
public class ImportRoundTripTests
{
    [Fact]
    public async Task TheDemoRegistryExportImportsBackWithoutErrorsAvailabilityIncluded()
    {
        await using var source = new KyodoAppFactory().Start();
        await using var target = new KyodoAppFactory(settings: new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" }).Start();
        byte[] file;
        await using (var scope = ScopeAs.User(source.Services, Roles.Coordinator))
        {
            using var export = new MemoryStream();
            await scope.ServiceProvider.GetRequiredService<ExportService>().WriteAsync(ImportKind.Registrants, export);
            file = export.ToArray();
        }

        await using (var scope = ScopeAs.User(target.Services, Roles.Coordinator))
        {
            var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
            var preview = await imports.PreviewAsync(ImportKind.Registrants, file);
            Assert.Empty(preview.Errors);
            var reports = new List<ImportProgress>();
            Assert.Equal(preview.RowCount, await imports.ImportAsync(ImportKind.Registrants, file, new SynchronousProgress(reports)));
            Assert.Equal(preview.RowCount, reports[^1].RowsSaved);
        }

        var before = await RegistrantsAsync(source);
        var after = await RegistrantsAsync(target);
        Assert.Equal(before.Count, after.Count);
        Assert.Contains(before, r => r.WeeklyAvailability.Count > 0);
        Assert.Equal(before.Select(Row), after.Select(Row));
        // Every imported registrant is in the live match index at once.
        var index = await target.Services.GetRequiredService<MatchIndexHolder>().GetAsync();
        Assert.All(after, r => Assert.True(index.Contains(r.Id)));
    }

    private static string Row(Registrant r) => string.Join("|",
        r.Name, r.Furigana, r.Email, r.Phone, r.HomeAreaId, r.Programs, r.MonthlyCap, string.Join(",", r.Skills.Select(s => s.TagId)),
        WeeklyAvailabilityText.Format(r.WeeklyAvailability), string.Join(",", r.Languages), DateOnlyOf(r.Consent.GivenAt));

    private static DateOnly DateOnlyOf(DateTimeOffset instant) => DateOnly.FromDateTime(Core.Common.TokyoTime.ToLocal(instant));

    private static async Task<List<Registrant>> RegistrantsAsync(KyodoAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Registrants.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
