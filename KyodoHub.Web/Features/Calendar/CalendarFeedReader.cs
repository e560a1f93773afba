using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Calendar;

/// <summary>
/// Answers a calendar address: the iCalendar of one registrant's confirmed (and completed)
/// activities, one event per session, in Asia/Tokyo with its VTIMEZONE. Nothing about other
/// registrants is read. Anonymous: the token is the credential.
/// </summary>
public sealed class CalendarFeedReader(IDbContextFactory<KyodoDbContext> factory, TimeProvider clock)
{
    private const string TimeZoneId = "Asia/Tokyo";

    /// <summary>How far back finished activities are kept in the feed.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(365);

    /// <summary>The iCalendar text for a token, or null when the token is unknown or revoked.</summary>
    public async Task<string?> ReadAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!CalendarFeed.LooksLikeToken(token))
        {
            return null;
        }
        var hash = CalendarFeed.HashOf(token);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var registrantId = await db.CalendarFeeds.Where(f => f.TokenHash == hash).Select(f => (int?)f.RegistrantId).SingleOrDefaultAsync(cancellationToken);
        if (registrantId is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var rows = await (
                from a in db.Assignments
                join r in db.Requests on a.RequestId equals r.Id
                join g in db.Groups on r.GroupId equals g.Id
                join area in db.Areas on r.AreaId equals area.Id
                where a.RegistrantId == registrantId && (a.State == AssignmentState.Confirmed || a.State == AssignmentState.Completed)
                select new { AssignmentId = a.Id, Request = r, GroupName = g.Name, AreaName = area.NameJa })
            .AsNoTracking().ToListAsync(cancellationToken);

        var calendar = new Ical.Net.Calendar { ProductId = "-//KyodoHub//Activities//JA" };
        calendar.AddProperty("X-WR-CALNAME", "協働ハブの活動");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(TimeZoneId);
        foreach (var row in rows)
        {
            var sessions = row.Request.Sessions.OrderBy(s => s.Start).ToList();
            for (var i = 0; i < sessions.Count; i++)
            {
                if (sessions[i].End < now - History)
                {
                    continue;
                }
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"assignment-{row.AssignmentId}-session-{i + 1}@kyodohub",
                    Summary = row.Request.Title,
                    Location = $"{row.Request.Place}（{row.AreaName}）",
                    Description = $"依頼団体：{row.GroupName}",
                    DtStart = Tokyo(sessions[i].Start),
                    DtEnd = Tokyo(sessions[i].End),
                    DtStamp = new CalDateTime(now.UtcDateTime, "UTC", true),
                    Status = "CONFIRMED",
                    Transparency = "OPAQUE",
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static CalDateTime Tokyo(DateTimeOffset instant)
    {
        var local = TokyoTime.ToLocal(instant);
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, TimeZoneId);
    }
}
