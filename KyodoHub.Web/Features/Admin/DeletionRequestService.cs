using KyodoHub.Core.Audit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Retention;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Admin;

/// <summary>
/// A registrant's deletion request as administrators see it, with the activities to come that
/// keep a waiting request from being carried out (empty once it is closed).
/// </summary>
public sealed record DeletionRequestRow(
    int Id, int RegistrantId, string RegistrantName, DateTimeOffset RequestedAt, string? Reason,
    DeletionRequestState State, DateTimeOffset? ClosedAt, string? ClosedBy, IReadOnlyList<ActivityRow> Upcoming)
{
    public int UpcomingActivities => Upcoming.Count;

    /// <summary>Waiting, with nothing to come: the delete button is enabled.</summary>
    public bool CanComplete => State == DeletionRequestState.Requested && Upcoming.Count == 0;
}

/// <summary>
/// The centre acting on registrants' requests to delete their personal data (個人情報の削除の申し出).
/// Completing one anonymises the registrant as the retention job does, withdraws their open
/// offers, closes their sign-in account and records who did it, all in one transaction. A
/// registrant still confirmed for an activity to come is refused until those assignments are
/// cancelled (<see cref="Offers.OfferService.CancelAssignmentAsync"/>, which the page offers beside the
/// request): the group is counting on them. Administrators only.
/// </summary>
public sealed class DeletionRequestService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public const string AuditAction = "CompleteDeletion";

    public async Task<IReadOnlyList<DeletionRequestRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var requests = await db.DataDeletionRequests.AsNoTracking()
            .OrderBy(d => d.State).ThenByDescending(d => d.RequestedAt).Take(200).ToListAsync(cancellationToken);
        var ids = requests.Select(d => d.RegistrantId).Distinct().ToList();
        var names = await db.Registrants.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var waiting = (await UpcomingActivitiesAsync(db, requests.Where(d => d.IsWaiting).Select(d => d.RegistrantId).Distinct().ToList(), cancellationToken))
            .Where(p => p.Value > 0).Select(p => p.Key).ToList();
        var upcoming = new Dictionary<int, IReadOnlyList<ActivityRow>>();
        foreach (var registrantId in waiting)
        {
            upcoming[registrantId] = (await MyActivitiesService.OfAsync(db, registrantId, now, cancellationToken)).Upcoming;
        }
        return requests.Select(d => new DeletionRequestRow(
            d.Id, d.RegistrantId, names.GetValueOrDefault(d.RegistrantId, ""), d.RequestedAt, d.Reason, d.State, d.ClosedAt, d.ClosedBy,
            d.IsWaiting ? upcoming.GetValueOrDefault(d.RegistrantId, []) : [])).ToList();
    }

    /// <summary>Carries out a waiting request. Throws <see cref="DomainRuleException"/> when it cannot be done yet.</summary>
    public async Task CompleteAsync(int requestId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Administrator);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.DataDeletionRequests.SingleOrDefaultAsync(d => d.Id == requestId, cancellationToken)
            ?? throw new DomainRuleException("DeletionRequestNotFound", $"Deletion request {requestId} does not exist.");
        if (!request.IsWaiting)
        {
            throw new DomainRuleException("DeletionRequestClosed", "This deletion request is already closed.");
        }
        if ((await UpcomingActivitiesAsync(db, [request.RegistrantId], cancellationToken)).GetValueOrDefault(request.RegistrantId) > 0)
        {
            throw new DomainRuleException("DeletionHasUpcomingActivities", "The registrant is still confirmed for activities to come.");
        }
        var registrant = await db.Registrants.SingleAsync(r => r.Id == request.RegistrantId, cancellationToken);
        foreach (var offer in await db.Offers.Where(o => o.RegistrantId == registrant.Id && o.State == OfferState.Offered).ToListAsync(cancellationToken))
        {
            offer.Withdraw(now);
        }
        if (registrant.UserId is { } userId && await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } account)
        {
            CloseAccount(account, registrant.Id);
        }
        await RetentionService.AnonymiseAsync(db, [registrant], cancellationToken);
        request.Complete(user.UserName, now);
        db.AuditEntries.Add(new AuditEntry(now, user.UserId, user.UserName, AuditAction, "Registrant", registrant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"request {request.Id}"));
        await db.SaveChangesAsync(cancellationToken);
        await db.CommitAsync(transaction, cancellationToken);
    }

    // The account can never sign in again and no longer carries the person's name or address.
    private static void CloseAccount(AppUser account, int registrantId)
    {
        var placeholder = $"deleted-registrant-{registrantId}@invalid.kyodohub";
        account.Email = account.UserName = placeholder;
        account.NormalizedEmail = account.NormalizedUserName = placeholder.ToUpperInvariant();
        account.DisplayName = Registrant.AnonymousName;
        account.PhoneNumber = null;
        account.PasswordHash = null;
        account.LockoutEnabled = true;
        account.LockoutEnd = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    // Activities, not sessions: a request of three sessions counts once.
    private async Task<Dictionary<int, int>> UpcomingActivitiesAsync(KyodoDbContext db, IReadOnlyCollection<int> registrantIds, CancellationToken cancellationToken) =>
        (await UpcomingActivities.OfAsync(db, registrantIds, clock.GetUtcNow(), cancellationToken))
            .ToDictionary(g => g.Key, g => g.Select(a => a.RequestId).Distinct().Count());
}
