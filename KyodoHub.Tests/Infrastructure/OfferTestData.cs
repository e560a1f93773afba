using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

internal static class OfferTestData
{
    public static async Task<IReadOnlyList<int>> CandidatesAsync(KyodoAppFactory app, int requestId, int count = 20)
    {
        await using var scope = ScopeAs.User(app.Services, Web.Identity.Roles.Coordinator);
        var view = await scope.ServiceProvider.GetRequiredService<CandidateRanking>().RankAsync(requestId, null, count);
        return view.Candidates.Where(c => !c.AlreadyOffered).Select(c => c.RegistrantId).ToList();
    }

    public static async Task<int> TopCandidateAsync(KyodoAppFactory app, int requestId) => (await CandidatesAsync(app, requestId, 5))[0];

    /// <summary>Puts offers straight into the database, bypassing the engine, for races and edge cases.</summary>
    public static async Task<IReadOnlyList<int>> InsertOffersAsync(KyodoAppFactory app, int requestId, IEnumerable<int> registrantIds, DateTimeOffset? sentAt = null, double expiresInHours = 48)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var at = sentAt ?? DateTimeOffset.UtcNow;
        var offers = registrantIds.Select(id => new Offer(requestId, id, 0.5, ScoreBreakdown.Zero, "test", at, at.AddHours(expiresInHours))).ToList();
        db.Offers.AddRange(offers);
        await db.SaveChangesAsync();
        return offers.Select(o => o.Id).ToList();
    }

    /// <summary>Active registrants with no confirmed activity at all, so that no overlap can interfere.</summary>
    public static async Task<IReadOnlyList<int>> FreeRegistrantsAsync(KyodoAppFactory app, int count)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var busy = await db.Assignments.Select(a => a.RegistrantId).Distinct().ToListAsync();
        return await db.Registrants.Where(r => r.Status == Core.Registrants.RegistrantStatus.Active && !busy.Contains(r.Id))
            .OrderByDescending(r => r.Id).Select(r => r.Id).Take(count).ToListAsync();
    }
}
