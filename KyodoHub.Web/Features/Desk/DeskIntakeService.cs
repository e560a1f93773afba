using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Requests;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

public sealed record GroupChoice(int Id, string Name, GroupKind Kind, int AreaId);

/// <summary>
/// Takes a request at the desk for a group that is registered or new. A new group and its first
/// request are saved together, so that a refused request leaves no orphan group behind.
/// </summary>
public sealed class DeskIntakeService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, RequestIntakeService intake, TimeProvider clock)
{
    public async Task<IReadOnlyList<GroupChoice>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new GroupChoice(g.Id, g.Name, g.Kind, g.AreaId)).ToListAsync(cancellationToken);
    }

    /// <summary>Saves the request (and the new group). A <see cref="DomainValidationException"/> on the group has a field starting with "Group.".</summary>
    public async Task<int> CreateAsync(int? existingGroupId, GroupFormModel? newGroup, RequestDetails details, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff);
        if (existingGroupId is { } groupId)
        {
            return await intake.CreateAsync(groupId, details, RequestOrigin.Desk, cancellationToken: cancellationToken);
        }
        if (newGroup is null)
        {
            throw new DomainValidationException("GroupId", "Required", "Choose a group or enter a new one.");
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Group group;
        try
        {
            group = new Group(newGroup.Name, newGroup.Kind, newGroup.AreaId, newGroup.ContactName, newGroup.ContactEmail, newGroup.ContactPhone, clock.GetUtcNow());
        }
        catch (DomainValidationException ex)
        {
            throw new DomainValidationException("Group." + ex.Field, ex.Code, ex.Message);
        }
        await ReferenceChecks.EnsureExistsAsync(db.Areas, details.AreaId, nameof(Request.AreaId), cancellationToken);
        await ReferenceChecks.EnsureExistsAsync(db.Areas, newGroup.AreaId, "Group.AreaId", cancellationToken);
        await ReferenceChecks.EnsureExistsAsync(db.SkillCategories, details.CategoryId, nameof(Request.CategoryId), cancellationToken);
        await ReferenceChecks.EnsureSkillsExistAsync(db, details.RequiredSkillIds, nameof(Request.RequiredSkillIds), cancellationToken);
        await ReferenceChecks.EnsureSkillsExistAsync(db, details.WelcomeSkillIds, nameof(Request.WelcomeSkillIds), cancellationToken);
        db.Groups.Add(group);
        // The request needs the group's id: both go in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var request = new Request(group.Id, details, RequestOrigin.Desk, clock.GetUtcNow());
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await db.CommitAsync(transaction, cancellationToken);
        return request.Id;
    }
}
