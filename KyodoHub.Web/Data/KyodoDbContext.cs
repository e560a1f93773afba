using KyodoHub.Core.Agreements;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Audit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Consultations;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Notifications;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Calendar;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data;

/// <summary>
/// The app's database: the domain and ASP.NET Core Identity in one store. Callers use this type;
/// a provider-specific subclass (see <see cref="SqliteKyodoDbContext"/>) carries each provider's
/// migrations. Saving bumps the concurrency <c>Version</c> of every changed aggregate and hands
/// the aggregates' domain events, with the <see cref="MatchInputChanges"/> it made, to
/// <see cref="IDomainEventDispatcher"/> once the save succeeded.
/// A save made on behalf of a user also writes its audit entries (see <see cref="AuditTrail"/>) in
/// the same transaction; audit entries themselves can only be added. The data-protection keys live
/// here too, so that every instance of the app reads the cookies the others wrote.
/// </summary>
public class KyodoDbContext(DbContextOptions options, IDomainEventDispatcher? dispatcher = null, TimeProvider? clock = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private readonly List<IDomainEvent> _pendingEvents = [];
    private MatchInputChanges _pendingChanges = MatchInputChanges.None;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<SkillCategory> SkillCategories => Set<SkillCategory>();
    public DbSet<SkillTag> SkillTags => Set<SkillTag>();
    public DbSet<Registrant> Registrants => Set<Registrant>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<Request> Requests => Set<Request>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<ConsultationRecord> Consultations => Set<ConsultationRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<DataDeletionRequest> DataDeletionRequests => Set<DataDeletionRequest>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Features.Offers.Links.OfferAnswerLink> OfferAnswerLinks => Set<Features.Offers.Links.OfferAnswerLink>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>().ToList();
        var owned = OwnedChanges.In(ChangeTracker);
        foreach (var entry in aggregates)
        {
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && owned.Of(entry).Count > 0))
            {
                entry.Entity.IncrementVersion();
                // Only the version joins the changed columns: marking the whole entry modified
                // would write, and audit, every column. Set here, not left to change detection,
                // which a bulk save may have switched off.
                entry.Property(nameof(AggregateRoot.Version)).IsModified = true;
            }
        }
        var events = aggregates.SelectMany(e => e.Entity.DomainEvents).ToList();
        var changes = MatchInputChanges.Capture(ChangeTracker);
        AuditTrail.EnsureAppendOnly(ChangeTracker);
        var audit = AuditTrail.Capture(ChangeTracker, owned);
        var notifies = NotificationPlanner.Notifies(events);
        var written = audit is null && !notifies
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveWithFollowUpsAsync(audit, notifies ? events : [], cancellationToken);
        foreach (var entry in aggregates)
        {
            entry.Entity.ClearDomainEvents();
        }
        // Inside an explicit transaction the events wait for the commit: nobody may hear of a
        // change that could still be rolled back, nor look for rows they cannot see yet.
        if (Database.CurrentTransaction is not null)
        {
            _pendingEvents.AddRange(events);
            _pendingChanges = _pendingChanges.Union(changes());
        }
        else
        {
            await DispatchAsync(events, changes(), cancellationToken);
        }
        return written;
    }

    /// <summary>Commits the transaction, then publishes the events of the saves made inside it.</summary>
    public async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        var events = _pendingEvents.ToList();
        var changes = _pendingChanges;
        _pendingEvents.Clear();
        _pendingChanges = MatchInputChanges.None;
        await DispatchAsync(events, changes, cancellationToken);
    }

    /// <summary>
    /// Announces changes made without the change tracker (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>,
    /// raw SQL) to the match engine's inputs: after the commit when inside a transaction, at once otherwise.
    /// </summary>
    public async Task AnnounceMatchInputChangesAsync(MatchInputChanges changes, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            _pendingChanges = _pendingChanges.Union(changes);
        }
        else
        {
            await DispatchAsync([], changes, cancellationToken);
        }
    }

    private async Task DispatchAsync(List<IDomainEvent> events, MatchInputChanges changes, CancellationToken cancellationToken)
    {
        if (dispatcher is not null && (events.Count > 0 || !changes.IsEmpty))
        {
            await dispatcher.DispatchAsync(events, changes, cancellationToken);
        }
    }

    /// <summary>
    /// The save, then its audit entries and the notifications its events call for (the outbox), in
    /// one transaction: a notification is written with the change that causes it, or not at all.
    /// </summary>
    private async Task<int> SaveWithFollowUpsAsync(PendingAudit? audit, IReadOnlyList<IDomainEvent> notifyingEvents, CancellationToken cancellationToken)
    {
        // New records get their ids from the first save; the entries follow in the same transaction.
        // Both saves accept their changes, or the second would write the first's rows again.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(true, cancellationToken);
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            if (audit is not null)
            {
                AuditEntries.AddRange(await audit.ToEntriesAsync(now));
            }
            Notifications.AddRange(NotificationOutbox.Rows(notifyingEvents, now));
            await base.SaveChangesAsync(true, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KyodoDbContext).Assembly, t => t.Namespace == typeof(Configurations.RegistrantConfiguration).Namespace);
    }
}

/// <summary>Publishes domain events, and what the save changed of the match engine's inputs, after they have been saved.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IReadOnlyList<IDomainEvent> events, MatchInputChanges changes, CancellationToken cancellationToken);
}
