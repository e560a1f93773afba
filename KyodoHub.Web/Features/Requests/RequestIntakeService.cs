using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Requests;

/// <summary>
/// Takes a new request in, from the desk, a group's own workspace or the API. Checks that the
/// group, area, category and skills it names exist (an id the caller made up is refused with the
/// field named), and saves it in one transaction; the save publishes <see cref="RequestCreated"/>.
/// </summary>
public sealed class RequestIntakeService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> CreateAsync(int groupId, RequestDetails details, RequestOrigin origin, bool autoCascade = false,
        RequiredSkillRule requiredSkillRule = RequiredSkillRule.Score, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        var isApi = user.HasScope(ApiScopes.RequestsWrite);
        if (!isApi)
        {
            user.Require(Roles.Coordinator, Roles.DeskStaff, Roles.GroupContact);
        }
        if (!isApi && !user.IsStaff && user.GroupId != groupId)
        {
            throw new AccessDeniedException($"{user.UserName} may only request for their own group.");
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await ReferenceChecks.EnsureExistsAsync(db.Groups, groupId, nameof(Request.GroupId), cancellationToken);
        await ReferenceChecks.EnsureExistsAsync(db.Areas, details.AreaId, nameof(Request.AreaId), cancellationToken);
        await ReferenceChecks.EnsureExistsAsync(db.SkillCategories, details.CategoryId, nameof(Request.CategoryId), cancellationToken);
        await ReferenceChecks.EnsureSkillsExistAsync(db, details.RequiredSkillIds, nameof(Request.RequiredSkillIds), cancellationToken);
        await ReferenceChecks.EnsureSkillsExistAsync(db, details.WelcomeSkillIds, nameof(Request.WelcomeSkillIds), cancellationToken);

        var request = new Request(groupId, details, origin, clock.GetUtcNow(), autoCascade, requiredSkillRule);
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Id;
    }
}

/// <summary>Existence checks for ids that arrive from forms and the API.</summary>
internal static class ReferenceChecks
{
    public static async Task EnsureExistsAsync<T>(DbSet<T> set, int id, string field, CancellationToken cancellationToken) where T : class
    {
        if (id <= 0 || await set.FindAsync([id], cancellationToken) is null)
        {
            throw new DomainValidationException(field, "Unknown", $"{field} {id} does not exist.");
        }
    }

    public static async Task EnsureSkillsExistAsync(KyodoDbContext db, IReadOnlyCollection<int> ids, string field, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return;
        }
        var found = await db.SkillTags.CountAsync(t => distinct.Contains(t.Id), cancellationToken);
        if (found != distinct.Count)
        {
            throw new DomainValidationException(field, "Unknown", $"{field} names a skill that does not exist.");
        }
    }
}
