using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>The parts of a request a coordinator corrects after it came in.</summary>
public sealed record RequestEdit(string Title, string Description, string Place, int Headcount)
{
    public static RequestEdit Of(RequestDetail request) => new(request.Title, request.Description, request.Place, request.Headcount);

    public static RequestEdit Of(Request request) => new(request.Title, request.Description, request.Place, request.Headcount);
}

/// <summary>What came of saving an edit.</summary>
public abstract record EditOutcome;

/// <summary>Saved; <paramref name="Version"/> is the request's version now.</summary>
public sealed record EditSaved(int Version) : EditOutcome;

/// <summary>
/// Someone saved the request since this edit began: nothing was saved, and both versions are
/// returned so that the coordinator can choose. To keep their own, save it again with
/// <paramref name="TheirVersion"/> as the expected version.
/// </summary>
public sealed record EditConflict(RequestEdit Theirs, int TheirVersion, RequestEdit Yours) : EditOutcome;

/// <summary>
/// Edits a request's details under optimistic concurrency: an edit names the version it started
/// from, and is saved only if the request is still at that version (checked again by the database
/// in the UPDATE itself, so two coordinators saving at the same moment cannot both win).
/// </summary>
public sealed class RequestEditing(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<EditOutcome> SaveAsync(int requestId, RequestEdit edit, int expectedVersion, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"Request {requestId} does not exist.");
        if (request.Version != expectedVersion)
        {
            return new EditConflict(RequestEdit.Of(request), request.Version, edit);
        }
        request.UpdateDetails(
            new RequestDetails(edit.Title, edit.Description, request.CategoryId, request.Programs, request.Sessions, request.AreaId, edit.Place,
                edit.Headcount, request.FillBy, request.RequiredSkillIds, request.WelcomeSkillIds, request.Languages, request.AccessibilityNotes),
            clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EditSaved(request.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
            return new EditConflict(RequestEdit.Of(theirs), theirs.Version, edit);
        }
    }
}
