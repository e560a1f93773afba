using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// The signed-in registrant's profile and skills: read, and saved as one change. Only their own record,
/// but for staff, who may change the skills and languages of any record for a caller.
/// </summary>
public sealed class MyProfileService(IDbContextFactory<KyodoDbContext> factory, MyRegistrant me)
{
    /// <summary>The caller's profile form, or null when no registrant record is linked to them.</summary>
    public async Task<ProfileForm?> GetAsync(CancellationToken cancellationToken = default)
    {
        var (_, id) = await me.WhoAsync();
        if (id is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var registrant = await db.Registrants.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return registrant is null ? null : ProfileForm.From(registrant);
    }

    public async Task<ProfileChoices> ChoicesAsync(IEnumerable<string> currentLanguages, CancellationToken cancellationToken = default)
    {
        await me.RequireEditorAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var categories = await db.SkillCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var tags = await db.SkillTags.AsNoTracking().OrderBy(t => t.CategoryId).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var languages = ProfileChoices.KnownLanguages.Concat(currentLanguages.Except(ProfileChoices.KnownLanguages)).ToList();
        return new ProfileChoices(areas, categories, tags, languages);
    }

    /// <summary>
    /// Applies the whole form through the registrant's behaviour methods and saves once. A
    /// validation failure throws before anything is written; a change made elsewhere meanwhile
    /// throws <see cref="EditConflictException"/>.
    /// </summary>
    public async Task<EditKey> SaveAsync(ProfileForm form, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (registrant, user) = await me.LoadForEditAsync(db, form.Key, cancellationToken);
        await CheckReferencesAsync(db, form, cancellationToken);

        registrant.UpdateProfile(form.Name, form.Furigana, form.Email, form.Phone, form.HomeAreaId);
        registrant.ChangePrograms(form.Programs);
        await SetSkillsAsync(db, registrant, form.Skills, form.Languages, cancellationToken);
        registrant.SetPreferences(form.PreferredCategoryIds, form.PreferredGroupKinds);
        registrant.SetLeaderProfile(form.Leader ? new LeaderProfile(form.ThemeList, form.Audiences, form.FeePolicy) : null);
        if (registrant.DomainEvents.Count > 0)
        {
            db.AuditEntries.Add(me.Audit(user, registrant.Id, "UpdateProfile"));
        }
        return await MyRegistrant.SaveAsync(db, registrant, cancellationToken);
    }

    /// <summary>
    /// Saves only the skills with their levels and the languages, as staff do for a caller on the
    /// phone: the same checks and the same save as the whole form, contact details untouched.
    /// </summary>
    public async Task<EditKey> SaveSkillsAsync(EditKey key, IReadOnlyList<SkillEntry> skills, IReadOnlyCollection<string> languages, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (registrant, user) = await me.LoadForEditAsync(db, key, cancellationToken);
        await SetSkillsAsync(db, registrant, skills, languages, cancellationToken);
        if (registrant.DomainEvents.Count > 0)
        {
            db.AuditEntries.Add(me.Audit(user, registrant.Id, "UpdateSkills"));
        }
        return await MyRegistrant.SaveAsync(db, registrant, cancellationToken);
    }

    private static async Task SetSkillsAsync(
        KyodoDbContext db, Registrant registrant, IReadOnlyList<SkillEntry> skills, IReadOnlyCollection<string> languages, CancellationToken cancellationToken)
    {
        var tagIds = skills.Select(s => s.TagId).Distinct().ToList();
        if (await db.SkillTags.CountAsync(t => tagIds.Contains(t.Id), cancellationToken) != tagIds.Count)
        {
            throw new DomainValidationException(nameof(Registrant.Skills), "Unknown", "A skill is not in the taxonomy.");
        }
        registrant.SetLanguages(languages);
        registrant.SetSkills(skills.Select(s => new RegistrantSkill(s.TagId, s.Level)));
    }

    // Ids come from the form's lists, but a crafted or outdated form could name ones that are gone.
    private static async Task CheckReferencesAsync(KyodoDbContext db, ProfileForm form, CancellationToken cancellationToken)
    {
        if (!await db.Areas.AnyAsync(a => a.Id == form.HomeAreaId, cancellationToken))
        {
            throw new DomainValidationException(nameof(Registrant.HomeAreaId), "Required", "Choose your home area.");
        }
        var categoryIds = form.PreferredCategoryIds.Distinct().ToList();
        if (await db.SkillCategories.CountAsync(c => categoryIds.Contains(c.Id), cancellationToken) != categoryIds.Count)
        {
            throw new DomainValidationException(nameof(Registrant.PreferredCategoryIds), "Unknown", "A category does not exist.");
        }
    }
}
