using KyodoHub.Core.Audit;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Coordinator;

public sealed record SkillName(int Id, string Ja, string En);

public sealed record RequestDetail(
    int Id, string Title, string Description, RequestState State, string GroupName, Core.Groups.GroupKind GroupKind,
    string AreaJa, string AreaEn, string Place, string CategoryJa, string CategoryEn, Core.Common.Program Programs,
    IReadOnlyList<RequestSession> Sessions, int Headcount, int FilledCount, DateTimeOffset FillBy, RequestOrigin Origin,
    IReadOnlyList<SkillName> RequiredSkills, IReadOnlyList<SkillName> WelcomeSkills, IReadOnlyList<string> Languages,
    string? AccessibilityNotes, bool AutoCascade, RequiredSkillRule RequiredSkillRule, string? CancelReason, int Version);

/// <summary>
/// An offer as the coordinator follows it. Contact details only once it is accepted; the
/// assignment it became, if any, and what the coordinator may still do with it.
/// </summary>
public sealed record OfferRow(
    int OfferId, int RegistrantId, string RegistrantName, OfferState State, double Score, ScoreBreakdown Breakdown,
    string SentBy, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, string? DeclineReason,
    string? Phone, string? Email, int? AssignmentId = null, AssignmentState? AssignmentState = null, string? AssignmentCancelReason = null,
    bool CanWithdraw = false, bool CanCancelAssignment = false, AnswerChannel? AnsweredVia = null);

/// <summary>A request's details and offers for the coordinator's request page.</summary>
public sealed class RequestDetailService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, ClientInfo client, TimeProvider clock)
{
    public async Task<RequestDetail?> GetAsync(int requestId, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var r = await db.Requests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, cancellationToken);
        if (r is null)
        {
            return null;
        }
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == r.GroupId, cancellationToken);
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == r.AreaId, cancellationToken);
        var category = await db.SkillCategories.AsNoTracking().SingleAsync(c => c.Id == r.CategoryId, cancellationToken);
        var skillIds = r.RequiredSkillIds.Concat(r.WelcomeSkillIds).ToList();
        var tags = await db.SkillTags.AsNoTracking().Where(t => skillIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        SkillName Name(int id) => new(id, tags[id].NameJa, tags[id].NameEn);
        return new RequestDetail(r.Id, r.Title, r.Description, r.State, group.Name, group.Kind, area.NameJa, area.NameEn, r.Place,
            category.NameJa, category.NameEn, r.Programs, r.Sessions, r.Headcount, r.FilledCount, r.FillBy, r.Origin,
            r.RequiredSkillIds.Where(tags.ContainsKey).Select(Name).ToList(), r.WelcomeSkillIds.Where(tags.ContainsKey).Select(Name).ToList(),
            r.Languages, r.AccessibilityNotes, r.AutoCascade, r.RequiredSkillRule, r.CancelReason, r.Version);
    }

    /// <summary>
    /// The request's offers, newest first. Contact details come only for accepted offers, and
    /// each time they do, the view is written to the audit log.
    /// </summary>
    public async Task<IReadOnlyList<OfferRow>> OffersAsync(int requestId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from o in db.Offers
                join p in db.Registrants on o.RegistrantId equals p.Id
                where o.RequestId == requestId
                orderby o.SentAt descending, o.Id descending
                select new { o, p.Name, p.Phone, p.Email })
            .AsNoTracking().ToListAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.RequestId == requestId)
            .ToDictionaryAsync(a => a.OfferId, cancellationToken);
        var now = clock.GetUtcNow();
        var accepted = rows.Where(x => x.o.State == OfferState.Accepted && !(assignments.TryGetValue(x.o.Id, out var a) && a.State == AssignmentState.Cancelled)).ToList();
        foreach (var x in accepted)
        {
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), user.UserId, user.UserName, "ViewContact", "Registrant",
                x.o.RegistrantId.ToString(System.Globalization.CultureInfo.InvariantCulture), client.Address, $"request {requestId}"));
        }
        if (accepted.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return rows.Select(x =>
        {
            var showContact = accepted.Contains(x);
            var assignment = assignments.GetValueOrDefault(x.o.Id);
            return new OfferRow(x.o.Id, x.o.RegistrantId, x.Name, x.o.State, x.o.Score, x.o.Breakdown, x.o.SentBy, x.o.SentAt, x.o.ExpiresAt,
                x.o.AnsweredAt, x.o.DeclineReason, showContact ? x.Phone : null, showContact ? x.Email : null,
                assignment?.Id, assignment?.State, assignment?.CancelReason,
                request is not null && CoordinatorCorrections.CanWithdraw(x.o.State, request.State),
                request is not null && assignment is not null && CoordinatorCorrections.CanCancel(assignment.State, request, now),
                x.o.AnsweredVia);
        }).ToList();
    }

    public Task SetAutoCascadeAsync(int requestId, bool on, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.SetAutoCascade(on, clock.GetUtcNow()), cancellationToken);

    /// <summary>Sets whether missing a required skill excludes a registrant from this request.</summary>
    public Task SetRequiredSkillRuleAsync(int requestId, RequiredSkillRule rule, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, r => r.SetRequiredSkillRule(rule, clock.GetUtcNow()), cancellationToken);

    private async Task ChangeAsync(int requestId, Action<Request> change, CancellationToken cancellationToken)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"Request {requestId} does not exist.");
        change(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new Core.Common.DomainRuleException("Conflict", "Someone changed this request at the same moment. Nothing was saved; please look again.");
        }
    }
}
