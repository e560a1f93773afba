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
        var rows = await (
                from r in db.Requests
                join a in db.Areas on r.AreaId equals a.Id
                where r.GroupId == groupId
                orderby r.CreatedAt descending, r.Id descending
                select new { r, a.NameJa, a.NameEn })
            .AsNoTracking().ToListAsync(cancellationToken);
        return new GroupOverview(group.Name, group.Kind, group.ContactName, rows.Select(x => new RequestRow(
            x.r.Id, x.r.Title, group.Name, x.NameJa, x.NameEn, x.r.State, x.r.Headcount, x.r.FilledCount,
            x.r.FirstStart, x.r.FillBy, x.r.CreatedAt, x.r.Programs)).ToList());
    }
}
