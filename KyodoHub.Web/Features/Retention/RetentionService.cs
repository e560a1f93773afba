using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Retention;

/// <summary>The <c>Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Registrants with no activity for this many years are anonymised.</summary>
    public int InactiveRegistrantYears { get; set; } = 5;

    /// <summary>How often the job looks for them.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Keeps personal data no longer than it is needed (個人情報保護法): a registrant with no
/// registration, offer, assignment or consultation within the retention period is anonymised —
/// name, reading, contact and free text go, together with the visitor name and notes of their
/// consultations; area, programmes, skills and the history of activities stay, so the statistics
/// and published results do not change.
/// </summary>
public sealed class RetentionService(IDbContextFactory<KyodoDbContext> factory, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    /// <summary>Anonymises the registrants inactive since the cut-off; returns how many.</summary>
    public async Task<int> AnonymiseInactiveAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().AddYears(-Math.Max(1, options.Value.InactiveRegistrantYears));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Registrants
            .Where(r => r.RegisteredAt < cutoff && !(r.Name == Core.Registrants.Registrant.AnonymousName && r.Email == null && r.Phone == null))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }
        var ids = candidates.Select(r => r.Id).ToList();
        var recent = new HashSet<int>(await db.Offers
            .Where(o => ids.Contains(o.RegistrantId) && (o.SentAt >= cutoff || o.AnsweredAt >= cutoff))
            .Select(o => o.RegistrantId).ToListAsync(cancellationToken));
        recent.UnionWith(await db.Assignments
            .Where(a => ids.Contains(a.RegistrantId) && (a.State == AssignmentState.Confirmed || a.ConfirmedAt >= cutoff || a.ClosedAt >= cutoff))
            .Select(a => a.RegistrantId).ToListAsync(cancellationToken));
        recent.UnionWith(await db.Consultations
            .Where(c => c.RegistrantId != null && ids.Contains(c.RegistrantId.Value) && c.At >= cutoff)
            .Select(c => c.RegistrantId!.Value).ToListAsync(cancellationToken));

        var inactive = candidates.Where(r => !recent.Contains(r.Id)).ToList();
        if (inactive.Count == 0)
        {
            return 0;
        }
        await AnonymiseAsync(db, inactive, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Retention: anonymised {Count} registrants inactive since {Cutoff:yyyy-MM-dd}.", inactive.Count, cutoff);
        return inactive.Count;
    }

    /// <summary>
    /// Removes what identifies these registrants (their record, the notes of their desk
    /// consultations, their calendar addresses), to be saved by the caller with the rest of its work.
    /// </summary>
    internal static async Task AnonymiseAsync(KyodoDbContext db, IReadOnlyCollection<Core.Registrants.Registrant> registrants, CancellationToken cancellationToken)
    {
        var ids = registrants.Select(r => r.Id).ToList();
        foreach (var registrant in registrants)
        {
            registrant.Anonymise();
        }
        foreach (var consultation in await db.Consultations.Where(c => c.RegistrantId != null && ids.Contains(c.RegistrantId.Value)).ToListAsync(cancellationToken))
        {
            consultation.Anonymise();
        }
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => ids.Contains(f.RegistrantId)).ToListAsync(cancellationToken));
    }
}

/// <summary>Runs the retention check at start and then every <see cref="RetentionOptions.CheckInterval"/> of the app's clock.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionService>().AnonymiseInactiveAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The retention check failed; it runs again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
