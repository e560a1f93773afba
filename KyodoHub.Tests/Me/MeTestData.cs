using System.Security.Claims;
using Bunit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Calendar;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

/// <summary>Registrants of their own for the workspace tests, so that no other test's data is touched.</summary>
internal static class MeTestData
{
    private static int _counter;

    /// <summary>Free every day from 9:00 to 17:00 unless told otherwise; in both programmes, active, no history.</summary>
    public static async Task<int> NewRegistrantAsync(KyodoAppFactory app, Action<Registrant>? configure = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var registrant = new Registrant($"試験 {n}郎", "シケン ジロウ", $"me-test-{n}-{Guid.NewGuid():N}@example.jp", "090-0000-0000", 7, Program.Both,
            new ConsentRecord(DateTimeOffset.UtcNow, "2026-04", "self"), DateTimeOffset.UtcNow.AddDays(-30));
        registrant.SetWeeklyAvailability(Enum.GetValues<DayOfWeek>().Select(d => new AvailabilityWindow(d, 9 * 60, 17 * 60)));
        registrant.SetMonthlyCap(8);
        configure?.Invoke(registrant);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync())
        {
            db.Registrants.Add(registrant);
            await db.SaveChangesAsync();
        }
        return registrant.Id;
    }

    public static async Task<Registrant> LoadAsync(KyodoAppFactory app, int registrantId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == registrantId);
    }

    /// <summary>The workspace services for a bUnit context on the running app.</summary>
    public static void AddWorkspaceServices(this BunitContext context, KyodoAppFactory app)
    {
        context.AddAppServices(app);
        var services = context.Services;
        services.AddScoped<MyRegistrant>();
        services.AddScoped<MyProfileService>();
        services.AddScoped<MyAvailabilityService>();
        services.AddScoped<MyActivitiesService>();
        services.AddScoped<MyDataService>();
        services.AddScoped<CalendarFeedService>();
    }

    /// <summary>Signs the bUnit context in as the registrant.</summary>
    public static void SignInAsRegistrant(this BunitContext context, int registrantId) =>
        context.AddAuthorization()
            .SetAuthorized($"registrant{registrantId}@test.kyodohub.example")
            .SetRoles(Roles.Registrant)
            .SetClaims(
                new Claim(ClaimTypes.NameIdentifier, $"test-user-{registrantId}"),
                new Claim(KyodoClaims.RegistrantId, registrantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
