using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
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
    public async Task TheDemoRegistryExportImportsBackWithoutErrorsAvailabilitySkillLevelsAndStatusIncluded()
    {
        await using var source = new KyodoAppFactory().Start();
        await using var target = new KyodoAppFactory(settings: new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" }).Start();
        await using (var db = await source.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync())
        {
            // Every profile field the import can set, away from its default somewhere.
            var tags = await db.SkillTags.OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync();
            var two = await db.Registrants.OrderBy(r => r.Id).Take(2).ToListAsync();
            two[0].Pause();
            two[0].SetMonthlyCap(7);
            two[0].SetSkills([new RegistrantSkill(tags[0], SkillLevel.Expert), new RegistrantSkill(tags[1], SkillLevel.Beginner)]);
            two[1].Retire();
            two[1].ChangePrograms(Core.Common.Program.Both);
            await db.SaveChangesAsync();
        }
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
        Assert.Equal(before.Registrants.Count, after.Registrants.Count);
        Assert.Contains(before.Registrants, r => r.WeeklyAvailability.Count > 0);
        Assert.Contains(before.Registrants, r => r.Status == RegistrantStatus.Paused && r.Skills.Any(s => s.Level == SkillLevel.Beginner));
        Assert.Equal(before.Rows(), after.Rows());
        // Every imported registrant is in the live match index at once.
        var index = await target.Services.GetRequiredService<MatchIndexHolder>().GetAsync();
        Assert.All(after.Registrants, r => Assert.True(index.Contains(r.Id)));
    }

    /// <summary>
    /// One app's registrants, with its own names for areas and skills: the two databases number
    /// their reference data independently, so rows compare by name, not by id.
    /// </summary>
    private sealed record Registry(List<Registrant> Registrants, Dictionary<int, string> Areas, Dictionary<int, string> Tags)
    {
        public IEnumerable<string> Rows() => Registrants.Select(r => string.Join("|",
            r.Name, r.Furigana, r.Email, r.Phone, Areas[r.HomeAreaId], r.Programs, r.MonthlyCap, r.Status,
            string.Join(",", r.Skills.Select(s => $"{Tags[s.TagId]}:{s.Level}").Order(StringComparer.Ordinal)),
            WeeklyAvailabilityText.Format(r.WeeklyAvailability), string.Join(",", r.Languages), DateOnlyOf(r.Consent.GivenAt)));
    }

    private static DateOnly DateOnlyOf(DateTimeOffset instant) => DateOnly.FromDateTime(Core.Common.TokyoTime.ToLocal(instant));

    private static async Task<Registry> RegistrantsAsync(KyodoAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return new Registry(
            await db.Registrants.AsNoTracking().OrderBy(r => r.Email).ToListAsync(),
            await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.NameJa),
            await db.SkillTags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.NameJa));
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
