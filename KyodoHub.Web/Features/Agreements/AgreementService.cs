using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>
/// Agreements (協定書, guideline §3(2)): a coordinator drafts one from a filled request, each party
/// (the group's contact and every assigned registrant) confirms it in their own workspace. Staff
/// see every agreement; a group contact only their group's; a registrant only those they are a
/// party to. Every change raises <see cref="AgreementChanged"/>, which reaches open pages as a live event after the save.
/// </summary>
public sealed class AgreementService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<AgreementLists> ListAsync(CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator, Roles.DeskStaff, Roles.GroupContact, Roles.Registrant);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var agreements = db.Agreements.AsNoTracking();
        if (!user.IsStaff)
        {
            var groupId = user.IsInRole(Roles.GroupContact) ? user.GroupId ?? -1 : -1;
            var registrantId = user.IsInRole(Roles.Registrant) ? user.RegistrantId ?? -1 : -1;
            agreements = agreements.Where(a => a.GroupId == groupId || a.RegistrantIds.Contains(registrantId));
        }
        var rows = await (
                from a in agreements
                join r in db.Requests on a.RequestId equals r.Id
                join g in db.Groups on a.GroupId equals g.Id
                orderby a.DraftedAt descending, a.Id descending
                select new { a, r.Title, GroupName = g.Name })
            .ToListAsync(cancellationToken);
        var list = rows.Select(x => new AgreementRow(
            x.a.Id, x.a.RequestId, x.Title, x.GroupName, x.a.State, x.a.Confirmations.Count, x.a.RegistrantIds.Count + 1, x.a.DraftedAt,
            x.a.State == AgreementState.Draft && ViewerParty(user, x.a) is { } p && !x.a.IsConfirmedBy(p.Kind, p.Id))).ToList();

        IReadOnlyList<AgreementCandidate> candidates = [];
        if (user.IsInRole(Roles.Coordinator))
        {
            var open = await (
                    from r in db.Requests
                    join g in db.Groups on r.GroupId equals g.Id
                    where r.State == RequestState.Filled && !db.Agreements.Any(a => a.RequestId == r.Id)
                    select new { r, GroupName = g.Name, Count = db.Assignments.Count(s => s.RequestId == r.Id && s.State == AssignmentState.Confirmed) })
                .AsNoTracking().ToListAsync(cancellationToken);
            candidates = open.Select(x => new AgreementCandidate(x.r.Id, x.r.Title, x.GroupName, x.r.FirstStart, x.Count))
                .OrderBy(c => c.FirstStart).ThenBy(c => c.RequestId).ToList();
        }
        return new AgreementLists(list, candidates);
    }

    /// <summary>The drafting form for a filled request, or the current terms of its draft agreement.</summary>
    public async Task<AgreementDraft> PrepareAsync(int requestId, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new DomainRuleException("RequestNotFound", $"Request {requestId} does not exist.");
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == request.GroupId, cancellationToken);
        var existing = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.RequestId == requestId, cancellationToken);
        var ids = existing?.RegistrantIds ?? await AssignedAsync(db, requestId, cancellationToken);
        var names = await db.Registrants.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).Select(r => r.Name).ToListAsync(cancellationToken);
        var terms = existing?.Terms ?? AgreementPrefill.From(request, group);
        return new AgreementDraft(request.Id, request.Title, group.Name, names, terms, existing?.Id, existing?.Version ?? 0);
    }

    /// <summary>Drafts the agreement of a filled request, between its group and its assigned registrants.</summary>
    public async Task<int> DraftAsync(int requestId, AgreementTerms terms, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new DomainRuleException("RequestNotFound", $"Request {requestId} does not exist.");
        if (request.State != RequestState.Filled)
        {
            throw new DomainRuleException("AgreementNeedsFilledRequest", "An agreement is drafted for a filled request.");
        }
        if (await db.Agreements.AnyAsync(a => a.RequestId == requestId, cancellationToken))
        {
            throw new DomainRuleException("AgreementExists", "This request already has an agreement.");
        }
        var agreement = new Agreement(request.Id, request.GroupId, await AssignedAsync(db, requestId, cancellationToken), terms, user.UserName, clock.GetUtcNow());
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return agreement.Id;
    }

    /// <summary>Changes the terms of a draft; the parties' confirmations so far are void.</summary>
    public async Task ReviseAsync(int agreementId, AgreementTerms terms, int expectedVersion, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var agreement = await FindAsync(db, agreementId, cancellationToken);
        if (agreement.Version != expectedVersion)
        {
            throw new DomainRuleException("AgreementChangedMeanwhile", "The agreement was changed by someone else.");
        }
        agreement.Revise(terms);
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>The signed-in party confirms the agreement. Confirming twice changes nothing.</summary>
    public async Task ConfirmAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.GroupContact, Roles.Registrant);
        // Parties confirm independently; when two save at once, the later one simply tries again.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var agreement = await FindAsync(db, agreementId, cancellationToken);
            var party = ViewerParty(user, agreement) ?? throw new AccessDeniedException($"{user.UserName} is not a party to agreement {agreementId}.");
            agreement.Confirm(party.Kind, party.Id, user.UserName, clock.GetUtcNow());
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

    public async Task<AgreementView> GetAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator, Roles.DeskStaff, Roles.GroupContact, Roles.Registrant);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new DomainRuleException("AgreementNotFound", $"Agreement {agreementId} does not exist.");
        var viewer = ViewerParty(user, agreement);
        if (!user.IsStaff && viewer is null)
        {
            throw new AccessDeniedException($"{user.UserName} may not see agreement {agreementId}.");
        }
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == agreement.RequestId, cancellationToken);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == agreement.GroupId, cancellationToken);
        var names = await db.Registrants.Where(r => agreement.RegistrantIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        DateTimeOffset? ConfirmedAt(PartyKind kind, int id) => agreement.Confirmations.FirstOrDefault(c => c.Party == kind && c.PartyId == id)?.ConfirmedAt;
        var parties = new List<AgreementParty> { new(PartyKind.Group, group.Id, group.Name, ConfirmedAt(PartyKind.Group, group.Id)) };
        parties.AddRange(agreement.RegistrantIds.Select(id => new AgreementParty(PartyKind.Registrant, id, names.GetValueOrDefault(id, "—"), ConfirmedAt(PartyKind.Registrant, id))));
        var viewerParty = viewer is null ? null : parties.Single(p => p.Kind == viewer.Kind && p.Id == viewer.Id);
        return new AgreementView(agreement.Id, request.Id, request.Title, group.Name, group.ContactName, agreement.Terms, agreement.State, parties,
            agreement.DraftedAt, agreement.Version, viewerParty, user.IsInRole(Roles.Coordinator) && agreement.State == AgreementState.Draft);
    }

    private sealed record PartyRef(PartyKind Kind, int Id);

    private static PartyRef? ViewerParty(UserContext user, Agreement agreement)
    {
        if (user.IsInRole(Roles.GroupContact) && user.GroupId == agreement.GroupId)
        {
            return new PartyRef(PartyKind.Group, agreement.GroupId);
        }
        if (user.IsInRole(Roles.Registrant) && user.RegistrantId is { } id && agreement.RegistrantIds.Contains(id))
        {
            return new PartyRef(PartyKind.Registrant, id);
        }
        return null;
    }

    private static async Task<List<int>> AssignedAsync(KyodoDbContext db, int requestId, CancellationToken cancellationToken) =>
        await db.Assignments.Where(a => a.RequestId == requestId && a.State == AssignmentState.Confirmed)
            .Select(a => a.RegistrantId).OrderBy(id => id).ToListAsync(cancellationToken);

    private static async Task<Agreement> FindAsync(KyodoDbContext db, int agreementId, CancellationToken cancellationToken) =>
        await db.Agreements.SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken)
            ?? throw new DomainRuleException("AgreementNotFound", $"Agreement {agreementId} does not exist.");

    private static async Task SaveAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("AgreementChangedMeanwhile", "The agreement was changed by someone else.");
        }
    }
}
