using KyodoHub.Core.Common;
using KyodoHub.Core.Consultations;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Data;

/// <summary>
/// Instants on the database of this run (SQLite stores numbers, PostgreSQL timestamptz in UTC):
/// values and query parameters in Tokyo time compare, sort and come back as the same instants.
/// </summary>
[Collection(AppCollection.Name)]
public class InstantStorageTests(AppFixture fixture)
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    [Fact]
    public async Task InstantsGivenInTokyoTimeAreFoundSortedAndShownAsTheSameTokyoTime()
    {
        var visitor = $"時刻 {Guid.NewGuid():N}"[..12];
        var morning = new DateTimeOffset(2031, 4, 1, 9, 30, 0, Tokyo);
        var lateEvening = new DateTimeOffset(2031, 4, 1, 23, 45, 0, Tokyo);
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Consultations.Add(new ConsultationRecord(visitor, ConsultationChannel.Phone, "時刻の確認", "記録のみ", null, "desk@kyodohub.example", lateEvening));
            db.Consultations.Add(new ConsultationRecord(visitor, ConsultationChannel.WalkIn, "時刻の確認", "記録のみ", null, "desk@kyodohub.example", morning));
            await db.SaveChangesAsync();
        }

        await using var read = await factory.CreateDbContextAsync();
        var sorted = await read.Consultations.Where(c => c.VisitorName == visitor && c.At >= morning).OrderBy(c => c.At).Select(c => c.At).ToListAsync();
        Assert.Equal([morning, lateEvening], sorted);
        Assert.Equal(new DateTime(2031, 4, 1, 23, 45, 0), TokyoTime.ToLocal(sorted[1]));
        Assert.Equal(1, await read.Consultations.CountAsync(c => c.VisitorName == visitor && c.At == lateEvening));
    }
}
