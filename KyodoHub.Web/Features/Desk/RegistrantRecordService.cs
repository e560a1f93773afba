using KyodoHub.Core.Audit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

/// <summary>An offer waiting for the registrant's answer.</summary>
public sealed record PendingOfferRow(int OfferId, int RequestId, string Title, DateTimeOffset FirstStart, DateTimeOffset SentAt, DateTimeOffset ExpiresAt);

/// <summary>A skill with its level, in both languages.</summary>
public sealed record SkillRow(int TagId, string NameJa, string NameEn, SkillLevel Level);

/// <summary>
/// A registrant as staff see them on their page: profile without contact details (those are
/// shown one at a time through <see cref="Audit.ContactDetailsService"/>), activities,
/// consultations, offers waiting for an answer and the record's audit trail.
/// </summary>
public sealed record RegistrantRecord(
    EditKey Key, string Name, string Furigana, int HomeAreaId, string AreaJa, string AreaEn, Program Programs, RegistrantStatus Status,
    int MonthlyCap, IReadOnlyList<string> Languages, IReadOnlyList<SkillRow> Skills, IReadOnlyList<AvailabilityWindow> WeeklyAvailability,
    IReadOnlyList<AvailabilityException> Exceptions, DateTimeOffset RegisteredAt, bool IsAnonymised, MyActivities Activities,
    IReadOnlyList<ConsultationRow> Consultations, IReadOnlyList<PendingOfferRow> PendingOffers, IReadOnlyList<AuditEntry> History)
{
    /// <summary>An anonymised record keeps no one to edit.</summary>
    public bool CanEdit => !IsAnonymised;

    /// <summary>The skills as the skill editor holds them.</summary>
    public IReadOnlyList<SkillEntry> SkillEntries => Skills.Select(s => new SkillEntry(s.TagId, s.Level)).ToList();
}

/// <summary>What staff may change of a registrant's profile on their page.</summary>
public sealed class RegistrantEditForm
{
    public required EditKey Key { get; init; }
    public string Name { get; set; } = "";
    public string Furigana { get; set; } = "";
    public int HomeAreaId { get; set; }
    public bool Leader { get; set; }
    public bool Chokotto { get; set; }
    public int MonthlyCap { get; set; }

    public Program Programs => (Leader ? Program.LifelongLearningLeader : Program.None) | (Chokotto ? Program.ChokottoVolunteer : Program.None);

    public static RegistrantEditForm From(RegistrantRecord r) => new()
    {
        Key = r.Key, Name = r.Name, Furigana = r.Furigana, HomeAreaId = r.HomeAreaId, MonthlyCap = r.MonthlyCap,
        Leader = r.Programs.HasFlag(Program.LifelongLearningLeader), Chokotto = r.Programs.HasFlag(Program.ChokottoVolunteer),
    };
}

/// <summary>
/// The staff registrant page (/desk/registrants/{id}): reads a registrant's record and saves
/// staff's changes to the profile through the registrant's behaviour methods and the one save
/// path, so the change is audited and reaches the match index and live pages like any other.
/// Desk staff, coordinators and administrators.
/// </summary>
public sealed class RegistrantRecordService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, MyRegistrant editing, TimeProvider clock)
{
    private const int HistoryShown = 20;

    public async Task<RegistrantRecord?> GetAsync(int registrantId, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff, Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var r = await db.Registrants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == registrantId, cancellationToken);
        if (r is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var today = TokyoTime.Today(clock);
        var area = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == r.HomeAreaId, cancellationToken);
        var tagIds = r.Skills.Select(s => s.TagId).ToList();
        var tags = await db.SkillTags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.RegistrantId == registrantId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        var offers = await (
                from o in db.Offers
                join q in db.Requests on o.RequestId equals q.Id
                where o.RegistrantId == registrantId && o.State == Core.Offers.OfferState.Offered
                orderby o.ExpiresAt
                select new { o.Id, Request = q, o.SentAt, o.ExpiresAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        var key = registrantId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Registrant) && e.EntityId == key)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryShown).ToListAsync(cancellationToken);
        return new RegistrantRecord(
            new EditKey(r.Id, r.Version), r.Name, r.Furigana, r.HomeAreaId, area.NameJa, area.NameEn, r.Programs, r.Status, r.MonthlyCap,
            r.Languages, r.Skills.Where(s => tags.ContainsKey(s.TagId)).Select(s => new SkillRow(s.TagId, tags[s.TagId].NameJa, tags[s.TagId].NameEn, s.Level)).ToList(),
            r.WeeklyAvailability, r.AvailabilityExceptions.Where(e => e.Date >= today).OrderBy(e => e.Date).ToList(), r.RegisteredAt, r.IsAnonymised,
            await MyActivitiesService.OfAsync(db, registrantId, now, cancellationToken),
            consultations.Select(c => DeskOverviewService.Row(c, today)).ToList(),
            offers.Select(o => new PendingOfferRow(o.Id, o.Request.Id, o.Request.Title, o.Request.FirstStart, o.SentAt, o.ExpiresAt)).ToList(),
            history);
    }

    /// <summary>
    /// Applies the form and saves once. A validation failure throws (naming the field) before
    /// anything is written; a change made elsewhere since the form was loaded throws
    /// <see cref="EditConflictException"/>. Contact details stay as they are.
    /// </summary>
    public async Task<EditKey> SaveAsync(RegistrantEditForm form, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff, Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (registrant, _) = await editing.LoadForEditAsync(db, form.Key, cancellationToken);
        await Requests.ReferenceChecks.EnsureExistsAsync(db.Areas, form.HomeAreaId, nameof(Registrant.HomeAreaId), cancellationToken);
        registrant.UpdateProfile(form.Name, form.Furigana, registrant.Email, registrant.Phone, form.HomeAreaId);
        registrant.ChangePrograms(form.Programs);
        registrant.SetMonthlyCap(form.MonthlyCap);
        return await MyRegistrant.SaveAsync(db, registrant, cancellationToken);
    }
}
