using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>A request of its own group with its own registrants assigned, so tests do not share records.</summary>
internal sealed record Collaboration(int RequestId, int GroupId, string GroupName, string ContactName, IReadOnlyList<int> RegistrantIds, IReadOnlyList<string> RegistrantNames);

/// <summary>Builds collaborations straight in the test app's database.</summary>
internal static class CollaborationSeed
{
    /// <summary>The group that the demo group contact account speaks for.</summary>
    public static async Task<int> DemoGroupIdAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return (await db.Users.SingleAsync(u => u.Email == DemoUsers.EmailOf(Web.Identity.Roles.GroupContact))).GroupId!.Value;
    }

    /// <summary>
    /// A filled request (sessions ahead) or, with <paramref name="finished"/>, a completed one
    /// (sessions past, assignments completed, or no-show for the indexes in <paramref name="noShows"/>).
    /// </summary>
    public static async Task<Collaboration> CreateAsync(IServiceProvider services, int registrants = 2, bool finished = false, int[]? noShows = null, string? title = null, int? groupId = null, bool ended = false)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = await services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();

        var group = groupId is { } id
            ? await db.Groups.SingleAsync(g => g.Id == id)
            : new Group($"テスト自治会{tag}", GroupKind.NeighbourhoodAssociation, 7, $"担当 {tag}", $"group-{tag}@example.jp", null, now.AddDays(-400));
        if (groupId is null)
        {
            db.Groups.Add(group);
        }
        var people = Enumerable.Range(1, registrants).Select(i => new Registrant(
            $"試験 {tag}{i}", "シケン タロウ", $"r{i}-{tag}@example.jp", $"090-0000-{1000 + i}", 7, Program.Both,
            new ConsentRecord(now.AddDays(-300), "2026-04", "self"), now.AddDays(-300))).ToList();
        db.Registrants.AddRange(people);
        await db.SaveChangesAsync();

        var start = finished || ended ? now.AddDays(-10) : now.AddDays(20);
        var created = start.AddDays(-30);
        var fillBy = start.AddDays(-5);
        var details = new RequestDetails(title ?? $"協働テスト {tag}", "地域の交流会で手伝ってください。", 1, Program.Both,
            [new RequestSession(start, start.AddHours(2))], 7, "柴崎学習館", registrants, fillBy, [], [], [], null);
        var request = new Request(group.Id, details, RequestOrigin.Desk, created);
        db.Requests.Add(request);
        await db.SaveChangesAsync();

        var answeredAt = created.AddDays(1);
        var assignments = new List<Assignment>();
        foreach (var person in people)
        {
            var offer = new Offer(request.Id, person.Id, 0.8, ScoreBreakdown.Zero, "coordinator@kyodohub.example", created.AddHours(1), created.AddDays(3));
            db.Offers.Add(offer);
            offer.Accept(answeredAt);
            request.FillSeat(answeredAt);
            var assignment = new Assignment(offer, answeredAt);
            db.Assignments.Add(assignment);
            assignments.Add(assignment);
        }
        if (finished)
        {
            for (var i = 0; i < assignments.Count; i++)
            {
                if (noShows?.Contains(i) == true)
                {
                    assignments[i].MarkNoShow(request.LastEnd.AddHours(1));
                }
                else
                {
                    assignments[i].Complete(2, request.LastEnd.AddHours(1));
                }
            }
            request.Complete(request.LastEnd.AddHours(2));
        }
        await db.SaveChangesAsync();
        return new Collaboration(request.Id, group.Id, group.Name, group.ContactName, people.Select(p => p.Id).ToList(), people.Select(p => p.Name).ToList());
    }
}
