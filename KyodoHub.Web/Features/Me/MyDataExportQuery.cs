using KyodoHub.Core.Agreements;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>Reads everything held about one registrant for <see cref="MyDataExport"/>. Nothing about anyone else.</summary>
internal static class MyDataExportQuery
{
    public static async Task<MyDataExport> LoadAsync(KyodoDbContext db, int registrantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var r = await db.Registrants.AsNoTracking().SingleAsync(x => x.Id == registrantId, cancellationToken);
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == r.HomeAreaId, cancellationToken);
        var tagIds = r.Skills.Select(s => s.TagId).ToList();
        var tags = await db.SkillTags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var categories = await db.SkillCategories.AsNoTracking().Where(c => r.PreferredCategoryIds.Contains(c.Id)).ToListAsync(cancellationToken);

        var offers = await (
                from o in db.Offers
                join q in db.Requests on o.RequestId equals q.Id
                join g in db.Groups on q.GroupId equals g.Id
                where o.RegistrantId == registrantId
                orderby o.SentAt
                select new ExportedOffer(o.Id, q.Id, q.Title, g.Name, o.SentAt, o.ExpiresAt, o.State, o.AnsweredAt, o.DeclineReason, o.Score))
            .AsNoTracking().ToListAsync(cancellationToken);
        var assignments = await (
                from a in db.Assignments
                join q in db.Requests on a.RequestId equals q.Id
                join g in db.Groups on q.GroupId equals g.Id
                where a.RegistrantId == registrantId
                orderby a.ConfirmedAt
                select new { a, q, GroupName = g.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        var evaluations = await (
                from e in db.Evaluations
                join q in db.Requests on e.RequestId equals q.Id
                where e.Author == PartyKind.Registrant && e.AuthorId == registrantId
                orderby e.SubmittedAt
                select new ExportedEvaluation(q.Id, q.Title, e.GoalsMet, e.Rating, e.Synergy, e.Comment, e.ConsentToPublish, e.SubmittedAt))
            .AsNoTracking().ToListAsync(cancellationToken);
        var consultations = (await db.Consultations.AsNoTracking().Where(c => c.RegistrantId == registrantId).ToListAsync(cancellationToken))
            .OrderBy(c => c.At)
            .Select(c => new ExportedConsultation(c.At, c.Channel, c.VisitorName, c.Topic, c.Outcome, c.FollowUpOn, c.FollowUpDone))
            .ToList();
        var feedIssuedAt = await db.CalendarFeeds.Where(f => f.RegistrantId == registrantId).Select(f => (DateTimeOffset?)f.IssuedAt).SingleOrDefaultAsync(cancellationToken);
        var deletions = await MyDataService.DeletionRequestsAsync(db, registrantId, cancellationToken);

        return new MyDataExport(
            now,
            new ExportedProfile(r.Id, r.Name, r.Furigana, r.Email, r.Phone, area.NameJa,
                Enum.GetValues<Core.Common.Program>().Where(p => p is not (Core.Common.Program.None or Core.Common.Program.Both) && r.Programs.HasFlag(p)).Select(p => p.ToString()).ToList(),
                r.Status, r.Languages, r.MonthlyCap,
                categories.OrderBy(c => c.Id).Select(c => c.NameJa).ToList(), r.PreferredGroupKinds.Select(k => k.ToString()).ToList(),
                r.LectureThemes, r.Audiences, r.FeePolicy, r.RegisteredAt,
                new ExportedConsent(r.Consent.GivenAt, r.Consent.PurposeVersion, r.Consent.RecordedBy)),
            r.Skills.Where(s => tags.ContainsKey(s.TagId)).Select(s => new ExportedSkill(s.TagId, tags[s.TagId].NameJa, tags[s.TagId].NameEn, s.Level)).ToList(),
            new ExportedAvailability(
                r.WeeklyAvailability.Select(w => new ExportedWindow(w.Day, Clock(w.StartMinute), Clock(w.EndMinute))).ToList(),
                r.AvailabilityExceptions.Select(e => new ExportedException(e.Date, e.Kind, Clock(e.StartMinute), Clock(e.EndMinute))).ToList()),
            offers,
            assignments.Select(x => new ExportedAssignment(x.a.Id, x.q.Id, x.q.Title, x.GroupName, x.q.Place,
                x.q.Sessions.Select(s => new ExportedSession(s.Start, s.End)).ToList(),
                x.a.State, x.a.ConfirmedAt, x.a.ClosedAt, x.a.Hours, x.a.CancelReason)).ToList(),
            evaluations,
            consultations,
            feedIssuedAt,
            deletions.Select(d => new ExportedDeletionRequest(d.RequestedAt, d.Reason, d.State, d.ClosedAt)).ToList());
    }

    private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
