using KyodoHub.Core.Audit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// Which registrant record a form was loaded from and at which version. Every change in the
/// workspace carries it back: the service refuses any record but the caller's own, and a version
/// that moved on since the form was loaded.
/// </summary>
public sealed record EditKey(int RegistrantId, int Version);

/// <summary>The record changed elsewhere (another tab, the desk) after the form was loaded; nothing was saved.</summary>
public sealed class EditConflictException() : Exception("The record changed after it was loaded. Nothing was saved.");

/// <summary>
/// The signed-in registrant, as the workspace services need them: the role is checked, and only the
/// caller's own registrant id is ever let through. Staff changing a record for a caller go through
/// the same loading (<see cref="LoadForEditAsync"/>), so the workspace's rules apply to them too.
/// </summary>
public sealed class MyRegistrant(CurrentUser currentUser, ClientInfo client, TimeProvider clock)
{
    /// <summary>The caller, who must be a registrant, and their record's id (null when no record is linked).</summary>
    public async Task<(UserContext User, int? RegistrantId)> WhoAsync()
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Registrant);
        return (user, user.RegistrantId);
    }

    /// <summary>The caller, when <paramref name="registrantId"/> is their own record; refuses any other.</summary>
    public async Task<UserContext> RequireOwnAsync(int registrantId)
    {
        var (user, own) = await WhoAsync();
        if (own is null || own != registrantId)
        {
            throw new AccessDeniedException($"{user.UserName} may not change registrant {registrantId}.");
        }
        return user;
    }

    /// <summary>
    /// The caller, when they may edit registrant records at all: a registrant (their own, which
    /// <see cref="LoadForEditAsync"/> checks) or staff.
    /// </summary>
    public async Task<UserContext> RequireEditorAsync() =>
        (await currentUser.GetAsync()).Require(Roles.Registrant, Roles.DeskStaff, Roles.Coordinator, Roles.Administrator);

    /// <summary>
    /// Loads a record for a change, refusing stale versions. The one rule of who may edit whom: a
    /// registrant their own record only; staff (desk, coordinators, administrators) any record
    /// that has not been anonymised. The save is audited under the caller.
    /// </summary>
    public async Task<(Registrant Registrant, UserContext User)> LoadForEditAsync(KyodoDbContext db, EditKey key, CancellationToken cancellationToken)
    {
        var user = await RequireEditorAsync();
        if (!user.IsStaff)
        {
            await RequireOwnAsync(key.RegistrantId);
        }
        var registrant = await db.Registrants.SingleOrDefaultAsync(r => r.Id == key.RegistrantId, cancellationToken);
        if (registrant is null)
        {
            throw user.IsStaff
                ? new DomainRuleException("RegistrantNotFound", $"Registrant {key.RegistrantId} does not exist.")
                : new AccessDeniedException($"Registrant {key.RegistrantId} does not exist.");
        }
        if (registrant.Version != key.Version)
        {
            throw new EditConflictException();
        }
        if (registrant.IsAnonymised)
        {
            throw new DomainRuleException("RegistrantAnonymised", "An anonymised registrant cannot be edited.");
        }
        // The update's WHERE clause checks the version the form was loaded at, so a change that
        // lands between this read and the save is caught too.
        db.Entry(registrant).Property(r => r.Version).OriginalValue = key.Version;
        return (registrant, user);
    }

    /// <summary>Saves everything tracked in one go; returns the record's new key.</summary>
    public static async Task<EditKey> SaveAsync(KyodoDbContext db, Registrant registrant, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException();
        }
        return new EditKey(registrant.Id, registrant.Version);
    }

    /// <summary>An audit entry about the caller's own record.</summary>
    public AuditEntry Audit(UserContext user, int registrantId, string action, string? detail = null) =>
        new(clock.GetUtcNow(), user.UserId, user.UserName, action, nameof(Registrant),
            registrantId.ToString(System.Globalization.CultureInfo.InvariantCulture), client.Address, detail);
}
