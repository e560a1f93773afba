using KyodoHub.Core.Audit;
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
/// caller's own registrant id is ever let through.
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

    /// <summary>Loads the caller's own record for a change, refusing other ids and stale versions.</summary>
    public async Task<(Registrant Registrant, UserContext User)> LoadForEditAsync(KyodoDbContext db, EditKey key, CancellationToken cancellationToken)
    {
        var user = await RequireOwnAsync(key.RegistrantId);
        var registrant = await db.Registrants.SingleOrDefaultAsync(r => r.Id == key.RegistrantId, cancellationToken)
            ?? throw new AccessDeniedException($"Registrant {key.RegistrantId} does not exist.");
        if (registrant.Version != key.Version)
        {
            throw new EditConflictException();
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
