using System.Globalization;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Audit;

/// <summary>A registrant's or group contact's phone and e-mail, as staff see them on request.</summary>
public sealed record ContactDetails(string Name, string? Email, string? Phone);

/// <summary>
/// Shows staff a registrant's or a group contact's contact details, one record at a time, and
/// records every such view in the audit log (who, which record, when, from where) before the
/// details leave the server.
/// </summary>
public sealed class ContactDetailsService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<ContactDetails?> RegistrantAsync(int registrantId, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator, Roles.Coordinator, Roles.DeskStaff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var details = await db.Registrants.Where(r => r.Id == registrantId)
            .Select(r => new ContactDetails(r.Name, r.Email, r.Phone)).SingleOrDefaultAsync(cancellationToken);
        if (details is not null)
        {
            await audit.RecordAsync(AuditLog.ViewContact, "Registrant", registrantId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }
        return details;
    }

    public async Task<ContactDetails?> GroupContactAsync(int groupId, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator, Roles.Coordinator, Roles.DeskStaff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var details = await db.Groups.Where(g => g.Id == groupId)
            .Select(g => new ContactDetails(g.ContactName, g.ContactEmail, g.ContactPhone)).SingleOrDefaultAsync(cancellationToken);
        if (details is not null)
        {
            await audit.RecordAsync(AuditLog.ViewContact, "Group", groupId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }
        return details;
    }
}
