using KyodoHub.Core.Agreements;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data.Demo;

internal sealed partial class DemoSeeder
{
    // How many demo requests end in each state: 80 in all.
    private static readonly (RequestState State, int Count)[] StatePlan =
    [
        (RequestState.Open, 20), (RequestState.PartiallyFilled, 10), (RequestState.Filled, 12), (RequestState.Completed, 12),
        (RequestState.Evaluated, 10), (RequestState.Cancelled, 8), (RequestState.Expired, 8),
    ];

    private async Task<List<Request>> CreateRequestsAsync(List<Group> groups, List<Registrant> registrants, CancellationToken cancellationToken)
    {
        var plan = StatePlan.SelectMany(p => Enumerable.Repeat(p.State, p.Count)).ToList();
        var requests = new List<Request>();
        for (var i = 0; i < plan.Count; i++)
        {
            requests.Add(NewRequest(i, plan[i], groups));
        }
        db.Requests.AddRange(requests);
        await db.SaveChangesAsync(cancellationToken);

        var demoRegistrant = registrants[0];
        _demoRegistrantId = demoRegistrant.Id;
        for (var i = 0; i < plan.Count; i++)
        {
            var request = requests[i];
            var group = groups.Single(g => g.Id == request.GroupId);
            var pool = Candidates(request, group, registrants);
            // The demo registrant gets one pending offer, one confirmed activity (with an agreement
            // to confirm) and one finished activity to evaluate.
            if (i == 0 || i == plan.IndexOf(RequestState.Filled) || i == plan.IndexOf(RequestState.Completed))
            {
                pool.Remove(demoRegistrant);
                pool.Insert(0, demoRegistrant);
            }
            Progress(request, plan[i], pool, group);
        }
        await db.SaveChangesAsync(cancellationToken);
        return requests;
    }

    private Request NewRequest(int index, RequestState target, List<Group> groups)
    {
        var template = DemoCatalog.RequestTemplates[index % DemoCatalog.RequestTemplates.Count];
        var future = target is RequestState.Open or RequestState.PartiallyFilled or RequestState.Filled or RequestState.Cancelled;
        var today = DateOnly.FromDateTime(TokyoTime.ToLocal(_now));
        var day = future
            ? today.AddDays(_random.Next(8, 60))
            : target == RequestState.Expired ? today.AddDays(_random.Next(-20, 3)) : today.AddDays(-_random.Next(5, 120));
        var startTime = new TimeOnly(_random.Next(0, 2) == 0 ? 10 : 13, _random.Next(0, 2) * 30);
        var start = TokyoTime.FromLocal(day, startTime);
        var sessions = new List<RequestSession> { new(start, start.AddMinutes(template.DurationMinutes)) };
        if (template.ForLeaders && _random.NextDouble() < 0.3)
        {
            sessions.Add(new RequestSession(start.AddDays(7), start.AddDays(7).AddMinutes(template.DurationMinutes)));
        }
        var createdAt = Min(start.AddDays(-_random.Next(14, 40)), _now.AddDays(-_random.Next(0, 5)).AddHours(-_random.Next(1, 20)));
        var fillBy = target == RequestState.Expired ? Min(start.AddDays(-1), _now.AddDays(-1)) : start.AddDays(-3);
        if (fillBy < createdAt)
        {
            createdAt = fillBy.AddDays(-10);
        }
        var groupIndex = index % 13 == 0 ? 0 : template.PreferredGroupIndex ?? _random.Next(groups.Count);
        // The demo group's contact has an agreement to confirm and an activity to evaluate.
        if (index == StatePlanStart(RequestState.Filled) || index == StatePlanStart(RequestState.Completed))
        {
            groupIndex = 0;
        }
        var group = groups[groupIndex];
        var tagIds = (string[] names) => _tags.Where(t => names.Contains(t.NameJa)).Select(t => t.Id).ToList();
        var headcount = target == RequestState.PartiallyFilled ? Math.Max(2, template.Headcount) : template.Headcount;
        var details = new RequestDetails(
            template.Title, template.Description, _categories[template.CategoryIndex].Id,
            template.ForLeaders ? Program.LifelongLearningLeader : Program.ChokottoVolunteer,
            sessions, group.AreaId, template.Place, headcount, fillBy,
            tagIds(template.RequiredTags), tagIds(template.WelcomeTags), template.Languages, null);
        var origin = (RequestOrigin)(index % 3);
        return new Request(group.Id, details, origin, createdAt);
    }

    private static int StatePlanStart(RequestState state) =>
        StatePlan.TakeWhile(p => p.State != state).Sum(p => p.Count);

    private List<Registrant> Candidates(Request request, Group group, List<Registrant> registrants) =>
        registrants
            .Where(r => r.Status == RegistrantStatus.Active && (r.Programs & request.Programs) != 0)
            .Where(r => request.Languages.All(r.Languages.Contains))
            .Where(r => !IsBusy(r.Id, request))
            .OrderByDescending(r => r.Skills.Count(s => request.RequiredSkillIds.Contains(s.TagId)))
            .ThenBy(r => Geo.DistanceKm(AreaOf(r.HomeAreaId).Latitude, AreaOf(r.HomeAreaId).Longitude, AreaOf(group.AreaId).Latitude, AreaOf(group.AreaId).Longitude))
            .ThenBy(_ => _random.Next())
            .Take(12)
            .ToList();

    private void Progress(Request request, RequestState target, List<Registrant> pool, Group group)
    {
        // Offers went out a few days before the fill-by date, and never later than a few hours ago.
        var sentAt = Min(Max(request.CreatedAt.AddHours(2), request.FillBy.AddDays(-6)), _now.AddHours(-3));
        var answeredAt = Min(sentAt.AddHours(_random.Next(2, 30)), _now.AddHours(-1));
        var next = 0;
        Registrant? Take() => next < pool.Count ? pool[next++] : null;

        // A declined offer here and there, as in real life; from the end of the pool, so that the
        // demo registrant at its head keeps the offer meant for them.
        if (_random.NextDouble() < 0.4 && pool.Count > 3)
        {
            var decliner = pool[^1];
            pool.RemoveAt(pool.Count - 1);
            var declined = NewOffer(request, decliner, group, sentAt);
            declined.Decline(DemoCatalog.DeclineReasons[_random.Next(DemoCatalog.DeclineReasons.Count)], answeredAt);
        }

        var seats = target switch
        {
            RequestState.PartiallyFilled => request.Headcount - 1,
            RequestState.Filled or RequestState.Completed or RequestState.Evaluated => request.Headcount,
            _ => 0,
        };
        var assignments = new List<Assignment>();
        for (var s = 0; s < seats && Take() is { } registrant; s++)
        {
            var offer = NewOffer(request, registrant, group, sentAt);
            offer.Accept(answeredAt);
            request.FillSeat(answeredAt);
            var assignment = new Assignment(offer, answeredAt);
            db.Assignments.Add(assignment);
            assignments.Add(assignment);
            MarkBusy(registrant.Id, request);
        }

        switch (target)
        {
            case RequestState.Open or RequestState.PartiallyFilled:
                if (Take() is { } pending)
                {
                    NewOffer(request, pending, group, Max(sentAt, _now.AddHours(-_random.Next(1, 30))));
                }
                break;
            case RequestState.Completed or RequestState.Evaluated:
                foreach (var a in assignments)
                {
                    if (_random.NextDouble() < 0.05 && a.RegistrantId != _demoRegistrantId)
                    {
                        a.MarkNoShow(request.LastEnd.AddHours(1));
                    }
                    else
                    {
                        a.Complete(request.Sessions.Sum(x => x.Duration.TotalHours), request.LastEnd.AddHours(1));
                    }
                }
                request.Complete(Max(request.LastEnd.AddHours(2), request.LastEnd));
                if (target == RequestState.Evaluated)
                {
                    Evaluate(request, assignments);
                }
                break;
            case RequestState.Cancelled:
                if (Take() is { } withdrawnFrom)
                {
                    NewOffer(request, withdrawnFrom, group, sentAt).Withdraw(answeredAt);
                }
                request.Cancel(_random.Next(2) == 0 ? "会場の都合がつかなくなったため" : "荒天が予想されるため中止", Min(_now, request.FirstStart.AddDays(-1)));
                break;
            case RequestState.Expired:
                request.Expire(Max(request.FillBy.AddMinutes(1), Min(_now, request.FillBy.AddHours(1))));
                break;
        }
    }

    private Offer NewOffer(Request request, Registrant registrant, Group group, DateTimeOffset sentAt)
    {
        var required = request.RequiredSkillIds;
        var skillFit = required.Count == 0 ? 0.6 : (double)registrant.Skills.Count(s => required.Contains(s.TagId)) / required.Count;
        var home = AreaOf(registrant.HomeAreaId);
        var target = AreaOf(group.AreaId);
        var proximity = Math.Exp(-Geo.DistanceKm(home.Latitude, home.Longitude, target.Latitude, target.Longitude) / 3);
        var breakdown = new ScoreBreakdown(
            Math.Round(skillFit, 3), Math.Round(proximity, 3), Math.Round(0.4 + (_random.NextDouble() * 0.5), 3),
            Math.Round(_random.NextDouble(), 3), 0.7, registrant.PreferredGroupKinds.Contains(group.Kind) ? 1 : 0);
        var total = Math.Round(((breakdown.SkillFit * 3) + (breakdown.Proximity * 2) + breakdown.Slack + breakdown.Fairness + breakdown.Reliability + breakdown.Preference) / 9, 3);
        var offer = new Offer(request.Id, registrant.Id, total, breakdown, "coordinator@kyodohub.example", sentAt, sentAt.AddHours(48));
        db.Offers.Add(offer);
        return offer;
    }

    private void Evaluate(Request request, List<Assignment> assignments)
    {
        var at = request.LastEnd.AddDays(2);
        db.Evaluations.Add(new Evaluation(request.Id, PartyKind.Group, request.GroupId, _random.Next(3, 6), _random.Next(3, 6),
            (SynergyAnswer)_random.Next(1, 3), "地域の方と一緒に取り組めて、参加者にも好評でした。", consentToPublish: _random.NextDouble() < 0.8, at));
        foreach (var a in assignments.Where(a => a.State == AssignmentState.Completed))
        {
            db.Evaluations.Add(new Evaluation(request.Id, PartyKind.Registrant, a.RegistrantId, _random.Next(3, 6), _random.Next(3, 6),
                (SynergyAnswer)_random.Next(0, 3), _random.Next(2) == 0 ? "準備が行き届いていて活動しやすかったです。" : null, consentToPublish: _random.NextDouble() < 0.7, at));
        }
        request.MarkEvaluated(at);
    }

    private async Task CreateAgreementsAsync(List<Request> requests, List<Group> groups, CancellationToken cancellationToken)
    {
        foreach (var (request, confirmAll) in new[]
                 {
                     (requests.First(r => r.State == RequestState.Filled && r.GroupId == groups[0].Id || r.State == RequestState.Filled), false),
                     (requests.First(r => r.State == RequestState.Completed), true),
                 })
        {
            var registrantIds = await db.Assignments.Where(a => a.RequestId == request.Id).Select(a => a.RegistrantId).ToListAsync(cancellationToken);
            var group = groups.Single(g => g.Id == request.GroupId);
            var start = DateOnly.FromDateTime(TokyoTime.ToLocal(request.FirstStart));
            var end = DateOnly.FromDateTime(TokyoTime.ToLocal(request.LastEnd));
            var terms = new AgreementTerms(
                $"「{request.Title}」を協働して実施し、地域の学びと交流を広げる。",
                "会場の確保、参加者の募集と当日の受付を担う。",
                "当日の講師・補助として、活動内容の企画と実施を担う。",
                "活動中の事故に備え、主催者はボランティア保険に加入する。個人情報は本協働の目的以外に使用しない。",
                "会場費と材料費は団体が負担する。登録者への謝礼は支払わない（交通費実費のみ）。",
                "活動の記録・写真の著作権は双方に帰属し、双方が広報に利用できる。",
                start, end);
            var agreement = new Agreement(request.Id, request.GroupId, registrantIds, terms, "coordinator@kyodohub.example", request.CreatedAt.AddDays(3));
            agreement.Confirm(PartyKind.Group, group.Id, group.ContactName, request.CreatedAt.AddDays(4));
            if (confirmAll)
            {
                foreach (var id in registrantIds)
                {
                    agreement.Confirm(PartyKind.Registrant, id, $"registrant:{id}", request.CreatedAt.AddDays(5));
                }
            }
            db.Agreements.Add(agreement);
        }
    }

    private bool IsBusy(int registrantId, Request request) =>
        _busy.TryGetValue(registrantId, out var slots) && request.Sessions.Any(s => slots.Any(b => s.Overlaps(b.Start, b.End)));

    private void MarkBusy(int registrantId, Request request)
    {
        if (!_busy.TryGetValue(registrantId, out var slots))
        {
            _busy[registrantId] = slots = [];
        }
        slots.AddRange(request.Sessions.Select(s => (s.Start, s.End)));
    }

    private static Area AreaOf(int id) => TachikawaAreas.All[id - 1];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
