using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Evaluations;

/// <summary>
/// Evaluations (評価, guideline §3(3)): once a request's activity is over (the request is
/// Completed), its group contact and each registrant who took part are asked to evaluate it. When
/// every one of them has, the request moves to Evaluated. A group contact evaluates only for their
/// own group, a registrant only requests they completed.
/// </summary>
public sealed class EvaluationService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The finished requests that wait for the signed-in party's evaluation.</summary>
    public async Task<IReadOnlyList<EvaluationTask>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.GroupContact, Roles.Registrant);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tasks = new List<EvaluationTask>();
        if (user.IsInRole(Roles.GroupContact) && user.GroupId is { } groupId)
        {
            var rows = await (
                    from r in db.Requests
                    join g in db.Groups on r.GroupId equals g.Id
                    where r.GroupId == groupId && r.State == RequestState.Completed
                          && !db.Evaluations.Any(e => e.RequestId == r.Id && e.Author == PartyKind.Group && e.AuthorId == groupId)
                    select new { r, GroupName = g.Name })
                .AsNoTracking().ToListAsync(cancellationToken);
            tasks.AddRange(rows.Select(x => new EvaluationTask(x.r.Id, x.r.Title, x.GroupName, x.r.FirstStart, x.r.LastEnd, PartyKind.Group)));
        }
        if (user.IsInRole(Roles.Registrant) && user.RegistrantId is { } registrantId)
        {
            var rows = await (
                    from a in db.Assignments
                    join r in db.Requests on a.RequestId equals r.Id
                    join g in db.Groups on r.GroupId equals g.Id
                    where a.RegistrantId == registrantId && a.State == AssignmentState.Completed && r.State == RequestState.Completed
                          && !db.Evaluations.Any(e => e.RequestId == r.Id && e.Author == PartyKind.Registrant && e.AuthorId == registrantId)
                    select new { r, GroupName = g.Name })
                .AsNoTracking().ToListAsync(cancellationToken);
            tasks.AddRange(rows.Select(x => new EvaluationTask(x.r.Id, x.r.Title, x.GroupName, x.r.FirstStart, x.r.LastEnd, PartyKind.Registrant)));
        }
        return tasks.OrderBy(t => t.LastEnd).ThenBy(t => t.RequestId).ToList();
    }

    /// <summary>The evaluation the signed-in party is asked for on this request; refused when it is not theirs or not due.</summary>
    public async Task<EvaluationTask> GetTaskAsync(int requestId, CancellationToken cancellationToken = default)
    {
        var tasks = await PendingAsync(cancellationToken);
        return tasks.FirstOrDefault(t => t.RequestId == requestId)
            ?? throw new DomainRuleException("EvaluationNotDue", "There is no evaluation for you to give on this request.");
    }

    /// <summary>Saves the signed-in party's evaluation; the request becomes Evaluated when it was the last one expected.</summary>
    public async Task SubmitAsync(int requestId, EvaluationInput input, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.GroupContact, Roles.Registrant);
        var task = await GetTaskAsync(requestId, cancellationToken);
        var authorId = task.As == PartyKind.Group ? user.GroupId!.Value : user.RegistrantId!.Value;
        if (input.Synergy is not { } synergy)
        {
            throw new DomainValidationException(nameof(Evaluation.Synergy), "Required", "Answer whether working together achieved more.");
        }
        var now = clock.GetUtcNow();
        var evaluation = new Evaluation(requestId, task.As, authorId, input.GoalsMet, input.Rating, synergy, input.Comment, input.ConsentToPublish, now);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Evaluations.Add(evaluation);
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        if (await IsCompleteAsync(db, request, extra: 1, cancellationToken))
        {
            request.MarkEvaluated(now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique index (request, author) refused a second evaluation sent at the same time.
            throw new DomainRuleException("EvaluationNotDue", "This evaluation was already given.");
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another party's evaluation moved the request meanwhile; save ours, then settle.
            db.ChangeTracker.Clear();
            db.Evaluations.Add(evaluation);
            await db.SaveChangesAsync(cancellationToken);
        }
        await SettleAsync(requestId, cancellationToken);
    }

    /// <summary>For coordinators: finished requests and how many of their evaluations have come in.</summary>
    public async Task<IReadOnlyList<EvaluationProgress>> ProgressAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.Requests
                join g in db.Groups on r.GroupId equals g.Id
                where r.State == RequestState.Completed || r.State == RequestState.Evaluated
                select new
                {
                    r,
                    GroupName = g.Name,
                    Submitted = db.Evaluations.Count(e => e.RequestId == r.Id),
                    Registrants = db.Assignments.Count(a => a.RequestId == r.Id && a.State == AssignmentState.Completed),
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(x => new EvaluationProgress(x.r.Id, x.r.Title, x.GroupName, x.r.State, x.r.LastEnd, x.Submitted, x.Registrants + 1))
            .OrderBy(p => p.State).ThenByDescending(p => p.LastEnd).ThenBy(p => p.RequestId).ToList();
    }

    // Two parties sending the last evaluations at once each see the other's as missing; whoever
    // saves last finds them all here and moves the request on.
    private async Task SettleAsync(int requestId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
            if (request.State != RequestState.Completed || !await IsCompleteAsync(db, request, extra: 0, cancellationToken))
            {
                return;
            }
            request.MarkEvaluated(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<bool> IsCompleteAsync(KyodoDbContext db, Request request, int extra, CancellationToken cancellationToken)
    {
        if (request.State != RequestState.Completed)
        {
            return false;
        }
        var registrants = await db.Assignments.CountAsync(a => a.RequestId == request.Id && a.State == AssignmentState.Completed, cancellationToken);
        var submitted = await db.Evaluations.CountAsync(e => e.RequestId == request.Id, cancellationToken);
        return submitted + extra >= registrants + 1;
    }
}
