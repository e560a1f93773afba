using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Me;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Calendar;

/// <summary>Whether the registrant has a calendar address, and since when.</summary>
public sealed record CalendarFeedStatus(bool Active, DateTimeOffset? IssuedAt);

/// <summary>
/// The registrant's own calendar address: issue (or replace) and revoke. The token is returned
/// once, when issued; only its hash is kept. Only the caller's own registrant id is accepted.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<KyodoDbContext> factory, MyRegistrant me, TimeProvider clock)
{
    public async Task<CalendarFeedStatus> StatusAsync(int registrantId, CancellationToken cancellationToken = default)
    {
        await me.RequireOwnAsync(registrantId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.RegistrantId == registrantId, cancellationToken);
        return new CalendarFeedStatus(feed is not null, feed?.IssuedAt);
    }

    /// <summary>Issues a token, replacing any earlier one (whose address then answers 404). Returns the token.</summary>
    public async Task<string> IssueAsync(int registrantId, CancellationToken cancellationToken = default)
    {
        var user = await me.RequireOwnAsync(registrantId);
        try
        {
            return await IssueOnceAsync(registrantId, user, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab issued the first address at the same moment: replace that one instead.
            return await IssueOnceAsync(registrantId, user, cancellationToken);
        }
    }

    private async Task<string> IssueOnceAsync(int registrantId, Account.UserContext user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.RegistrantId == registrantId, cancellationToken);
        string token;
        if (feed is null)
        {
            (feed, token) = CalendarFeed.Issue(registrantId, now);
            db.CalendarFeeds.Add(feed);
        }
        else
        {
            token = feed.Reissue(now);
        }
        db.AuditEntries.Add(me.Audit(user, registrantId, "IssueCalendarFeed"));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Stops the calendar address altogether.</summary>
    public async Task RevokeAsync(int registrantId, CancellationToken cancellationToken = default)
    {
        var user = await me.RequireOwnAsync(registrantId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.RegistrantId == registrantId, cancellationToken);
        if (feed is null)
        {
            return;
        }
        db.CalendarFeeds.Remove(feed);
        db.AuditEntries.Add(me.Audit(user, registrantId, "RevokeCalendarFeed"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The path of the feed for a token, e.g. <c>calendar/abc….ics</c>, relative to the app's base address.</summary>
    public static string PathOf(string token) => $"calendar/{token}.ics";
}
