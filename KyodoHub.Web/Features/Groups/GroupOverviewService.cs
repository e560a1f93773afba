using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Groups;

public sealed record GroupOverview(string Name, Core.Groups.GroupKind Kind, string ContactName, IReadOnlyList<RequestRow> Requests);

/// <summary>The signed-in group contact's group and its requests. Only ever their own group.</summary>
public sealed class GroupOverviewService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser)
{
    public async Task<GroupOverview?> GetAsync(CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.GroupContact);
        if (user.GroupId is not { } groupId)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }
        var rows = await DashboardService.Rows(db, db.Requests.Where(r => r.GroupId == groupId), cancellationToken);
        return new GroupOverview(group.Name, group.Kind, group.ContactName, rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToList());
    }
}
