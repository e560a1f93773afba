using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Data.Demo;

internal sealed partial class DemoSeeder
{
    /// <summary>How many open requests are written for the demo registrant to be offered.</summary>
    public const int DemoFitRequestCount = 3;

    /// <summary>
    /// Open requests the demo registrant fits (her skills, her town, her weekly hours, no clash with
    /// her activities, from groups she never declined), with nobody offered yet: a newcomer can try
    /// "offer, then accept" without building a request first. Uses no random numbers, so the rest
    /// of the demo stays as it was.
    /// </summary>
    private List<Request> CreateDemoFitRequests(Registrant demo, List<Group> groups)
    {
        var declinedGroups = db.Offers.Local
            .Where(o => o.RegistrantId == demo.Id && o.State == OfferState.Declined)
            .Join(db.Requests.Local, o => o.RequestId, r => r.Id, (_, r) => r.GroupId)
            .ToHashSet();
        var hosts = groups.Skip(1).Where(g => !declinedGroups.Contains(g.Id)).ToList();
        var skills = demo.Skills.Select(s => _tags.Single(t => t.Id == s.TagId)).ToList();
        var today = TokyoTime.DateOf(_now);
        var holidays = demo.AvailabilityExceptions.Select(e => e.Date).ToHashSet();
        var slots = Enumerable.Range(10, 40).Select(today.AddDays)
            .Where(d => !holidays.Contains(d))
            .SelectMany(d => demo.WeeklyAvailability.Where(w => w.Day == d.DayOfWeek && w.EndMinute - w.StartMinute >= 120)
                .Select(w => TokyoTime.FromLocal(d, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(w.StartMinute)))))
            .Where(start => !IsBusyAt(demo.Id, start, start.AddHours(2)))
            .ToList();

        var requests = new List<Request>();
        for (var i = 0; i < DemoFitRequestCount && i < slots.Count; i++)
        {
            // Spread over the weeks ahead rather than three sessions in a row.
            var start = slots[i * slots.Count / DemoFitRequestCount];
            var skill = skills[i % skills.Count];
            var group = hosts[(i * 7) % hosts.Count];
            var details = new RequestDetails(
                $"{skill.NameJa}の経験を生かしてください（{TachikawaAreaName(demo.HomeAreaId)}）",
                $"地域の催しで{skill.NameJa}の経験がある方に2時間ほど手伝っていただきたいと考えています。初めての方も歓迎します。",
                skill.CategoryId, i == 1 && demo.Programs.HasFlag(Program.LifelongLearningLeader) ? Program.LifelongLearningLeader : Program.ChokottoVolunteer,
                [new RequestSession(start, start.AddHours(2))], demo.HomeAreaId, $"{TachikawaAreaName(demo.HomeAreaId)}地区会館 集会室", 2,
                start.AddDays(-3), [skill.Id], [], ["ja"], null);
            requests.Add(new Request(group.Id, details, (RequestOrigin)(i % 3), _now.AddDays(-(i + 1)).AddHours(-2)));
        }
        return requests;
    }

    private bool IsBusyAt(int registrantId, DateTimeOffset start, DateTimeOffset end) =>
        _busy.TryGetValue(registrantId, out var slots) && slots.Any(b => start < b.End && b.Start < end);

    private static string TachikawaAreaName(int areaId) => AreaOf(areaId).NameJa;
}
