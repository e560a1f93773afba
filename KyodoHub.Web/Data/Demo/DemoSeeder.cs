using KyodoHub.Core.Common;
using KyodoHub.Core.Consultations;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data.Demo;

/// <summary>
/// Fills a new database with a believable city: ~300 registrants, 40 groups, 83 requests in every
/// state (three of them open ones the demo registrant fits) with their offers, assignments, agreements and evaluations, desk consultations and one
/// account per role. Deterministic (fixed seed) relative to the clock, so every demo looks alike.
/// </summary>
internal sealed partial class DemoSeeder(KyodoDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    private const int RegistrantCount = 300;
    private readonly Random _random = new(2012);
    private readonly DateTimeOffset _now = clock.GetUtcNow();
    private readonly Dictionary<int, List<(DateTimeOffset Start, DateTimeOffset End)>> _busy = [];
    private List<SkillTag> _tags = [];
    private List<SkillCategory> _categories = [];
    private int _demoRegistrantId;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        _categories = await db.SkillCategories.OrderBy(c => c.Id).ToListAsync(cancellationToken);
        _tags = await db.SkillTags.OrderBy(t => t.Id).ToListAsync(cancellationToken);

        var groups = CreateGroups();
        db.Groups.AddRange(groups);
        var registrants = CreateRegistrants();
        db.Registrants.AddRange(registrants);
        await db.SaveChangesAsync(cancellationToken);

        var requests = await CreateRequestsAsync(groups, registrants, cancellationToken);
        await CreateAgreementsAsync(requests, groups, cancellationToken);
        db.Consultations.AddRange(CreateConsultations(registrants, groups));
        db.Requests.AddRange(CreateDemoFitRequests(registrants[0], groups));
        await db.SaveChangesAsync(cancellationToken);

        await CreateAccountsAsync(registrants[0], groups[0]);
        var (apiKey, _) = ApiKey.Issue("デモ用キー（表示板・外部連携）", ApiScopes.All, "admin@kyodohub.example", _now, DemoAccounts.ApiKey);
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        // The demo's history of offers and answers happened to nobody: it tells nobody either.
        await db.Notifications.ExecuteDeleteAsync(cancellationToken);
    }

    private List<Group> CreateGroups()
    {
        var list = new List<Group>();
        foreach (var (g, i) in DemoCatalog.Groups.Select((g, i) => (g, i)))
        {
            var (name, _) = PersonName();
            list.Add(new Group(g.Name, g.Kind, g.AreaId, name, $"group{i + 1:000}@example.jp", $"042-5{_random.Next(10, 99)}-{_random.Next(1000, 9999)}",
                _now.AddDays(-_random.Next(60, 1500))));
        }
        return list;
    }

    private List<Registrant> CreateRegistrants()
    {
        var list = new List<Registrant>(RegistrantCount);
        for (var i = 0; i < RegistrantCount; i++)
        {
            var (name, kana) = PersonName();
            var roll = _random.NextDouble();
            var programs = i == 0 ? Program.Both : roll < 0.45 ? Program.LifelongLearningLeader : roll < 0.9 ? Program.ChokottoVolunteer : Program.Both;
            var registeredAt = _now.AddDays(-_random.Next(10, 1400));
            var registrant = new Registrant(
                name, kana, $"r{i + 1:000}@example.jp", $"090-{_random.Next(1000, 9999)}-{_random.Next(1000, 9999)}",
                _random.Next(1, 17), programs,
                new ConsentRecord(registeredAt, "2026-04", i % 3 == 0 ? "desk@kyodohub.example" : "self"), registeredAt);
            registrant.SetSkills(PickTags(_random.Next(2, 6)).Select(t => new RegistrantSkill(t.Id, (SkillLevel)_random.Next(1, 4))));
            registrant.SetLanguages(Languages());
            registrant.SetWeeklyAvailability(WeeklyPattern());
            registrant.SetAvailabilityExceptions(Holidays());
            var cap = _random.Next(2, 9);
            // The demo registrant has room for the activities the walk-through offers her.
            registrant.SetMonthlyCap(i == 0 ? Math.Max(cap, 6) : cap);
            registrant.SetPreferences(
                Enumerable.Range(0, _random.Next(0, 3)).Select(_ => _categories[_random.Next(_categories.Count)].Id),
                Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (GroupKind)_random.Next(1, 10)));
            if (programs.HasFlag(Program.LifelongLearningLeader))
            {
                var themes = PickTags(_random.Next(1, 3)).Select(t => $"{t.NameJa}入門講座");
                registrant.SetLeaderProfile(new LeaderProfile(themes, _random.Next(3) switch { 0 => "小学生と保護者", 1 => "シニア世代", _ => "どなたでも" }, (FeePolicy)_random.Next(0, 3)));
            }
            // Index 0 is the demo registrant's own record: keep it active.
            var status = i == 0 ? 0 : _random.NextDouble();
            if (status > 0.97)
            {
                registrant.Retire();
            }
            else if (status > 0.9)
            {
                registrant.Pause();
            }
            list.Add(registrant);
        }
        return list;
    }

    private (string Name, string Kana) PersonName()
    {
        var family = DemoCatalog.FamilyNames[_random.Next(DemoCatalog.FamilyNames.Count)];
        var given = DemoCatalog.GivenNames[_random.Next(DemoCatalog.GivenNames.Count)];
        return ($"{family.Kanji} {given.Kanji}", $"{family.Kana} {given.Kana}");
    }

    private IEnumerable<SkillTag> PickTags(int count)
    {
        // Skills cluster: most people's tags come from one or two categories.
        var home = _categories[_random.Next(_categories.Count)].Id;
        return Enumerable.Range(0, count)
            .Select(_ => _random.NextDouble() < 0.7
                ? _tags.Where(t => t.CategoryId == home).ElementAt(_random.Next(_tags.Count(t => t.CategoryId == home)))
                : _tags[_random.Next(_tags.Count)])
            .DistinctBy(t => t.Id);
    }

    private List<string> Languages()
    {
        var list = new List<string> { "ja" };
        var roll = _random.NextDouble();
        if (roll < 0.12)
        {
            list.Add("en");
        }
        else if (roll < 0.16)
        {
            list.Add("zh");
        }
        else if (roll < 0.18)
        {
            list.Add("ko");
        }
        else if (roll < 0.20)
        {
            list.Add("vi");
        }
        return list;
    }

    private List<AvailabilityWindow> WeeklyPattern()
    {
        (int Start, int End)[] blocks = [(9 * 60, 12 * 60), (13 * 60, 17 * 60), (9 * 60, 17 * 60), (18 * 60, 21 * 60)];
        var days = Enum.GetValues<DayOfWeek>().OrderBy(_ => _random.Next()).Take(_random.Next(2, 6));
        return days.Select(d =>
        {
            var (start, end) = blocks[_random.Next(blocks.Length)];
            return new AvailabilityWindow(d, start, end);
        }).ToList();
    }

    private List<AvailabilityException> Holidays()
    {
        var today = DateOnly.FromDateTime(TokyoTime.ToLocal(_now));
        return Enumerable.Range(0, _random.Next(0, 3))
            .Select(_ => new AvailabilityException(today.AddDays(_random.Next(1, 60)), ExceptionKind.Unavailable))
            .ToList();
    }

    private List<ConsultationRecord> CreateConsultations(List<Registrant> registrants, List<Group> groups)
    {
        var today = DateOnly.FromDateTime(TokyoTime.ToLocal(_now));
        var list = new List<ConsultationRecord>();
        foreach (var (c, i) in DemoCatalog.Consultations.Select((c, i) => (c, i)))
        {
            // Desk hours: 9:00-17:00 Tokyo time, on one of the past days.
            var atDate = today.AddDays(-i * 2 - 1);
            var at = TokyoTime.FromLocal(atDate, new TimeOnly(_random.Next(9, 17), _random.Next(0, 4) * 15));
            DateOnly? followUp = i % 3 == 0 ? today.AddDays(i % 5) : i % 3 == 1 ? atDate.AddDays(14) : null;
            if (followUp < atDate)
            {
                followUp = atDate;
            }
            var (name, _) = PersonName();
            list.Add(new ConsultationRecord(name, (ConsultationChannel)(i % 3), c.Topic, c.Outcome, followUp, "desk@kyodohub.example", at,
                registrantId: i % 4 == 0 ? registrants[i + 5].Id : null,
                groupId: i % 4 == 1 ? groups[i % groups.Count].Id : null));
        }
        return list;
    }

    private async Task CreateAccountsAsync(Registrant demoRegistrant, Group demoGroup)
    {
        foreach (var (email, displayName, role) in DemoAccounts.All)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = role switch
                {
                    Roles.Registrant => demoRegistrant.Name,
                    Roles.GroupContact => demoGroup.ContactName,
                    _ => displayName,
                },
                RegistrantId = role == Roles.Registrant ? demoRegistrant.Id : null,
                GroupId = role == Roles.GroupContact ? demoGroup.Id : null,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, role));
            if (role == Roles.Registrant)
            {
                demoRegistrant.LinkUser(user.Id);
            }
            else if (role == Roles.GroupContact)
            {
                demoGroup.LinkContactUser(user.Id);
            }
        }
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
