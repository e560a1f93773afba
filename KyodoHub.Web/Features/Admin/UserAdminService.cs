using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Users and their roles, for administrators.</summary>
public sealed class UserAdminService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken);
        var links = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName,
            links.Where(l => l.UserId == u.Id).Select(l => roleNames.GetValueOrDefault(l.RoleId, "")).Order().ToList(),
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
