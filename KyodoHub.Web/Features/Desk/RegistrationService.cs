using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Requests;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

/// <summary>A new registrant as typed at the desk.</summary>
public sealed class RegistrationFormModel
{
    public string Name { get; set; } = "";
    public string Furigana { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int HomeAreaId { get; set; }
    public bool Leader { get; set; }
    public bool Chokotto { get; set; } = true;
    public HashSet<int> SkillIds { get; } = [];
    public HashSet<string> OtherLanguages { get; } = [];
    public int MonthlyCap { get; set; } = 4;
    public bool Consent { get; set; }

    public bool Validate(Forms.FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(nameof(Name), "Required");
        if (string.IsNullOrWhiteSpace(Furigana)) errors.Add(nameof(Furigana), "Required");
        else if (!Core.Text.TextFolding.IsKana(Furigana.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal))) errors.Add(nameof(Furigana), "KanaOnly");
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email)) errors.Add(nameof(Phone), "ContactRequired");
        if (HomeAreaId <= 0) errors.Add(nameof(HomeAreaId), "Required");
        if (!Leader && !Chokotto) errors.Add("Programs", "Required");
        if (MonthlyCap is < 1 or > Registrant.MaxMonthlyCap) errors.Add(nameof(MonthlyCap), "OutOfRange");
        if (!Consent) errors.Add(nameof(Consent), "ConsentRequired");
        return !errors.Any;
    }
}

/// <summary>Registers a new registrant at the desk, with the consent recorded, in one save.</summary>
public sealed class RegistrationService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The version of the purpose-of-use text the registrant agrees to.</summary>
    public const string PurposeVersion = "2026-04";

    public async Task<int> RegisterAsync(RegistrationFormModel form, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.DeskStaff);
        if (!form.Consent)
        {
            throw new DomainValidationException(nameof(form.Consent), "ConsentRequired", "The registrant's consent is required.");
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await ReferenceChecks.EnsureExistsAsync(db.Areas, form.HomeAreaId, nameof(Registrant.HomeAreaId), cancellationToken);
        await ReferenceChecks.EnsureSkillsExistAsync(db, form.SkillIds, nameof(Registrant.Skills), cancellationToken);
        var now = clock.GetUtcNow();
        var programs = (form.Leader ? Program.LifelongLearningLeader : Program.None) | (form.Chokotto ? Program.ChokottoVolunteer : Program.None);
        var registrant = new Registrant(form.Name, form.Furigana, form.Email, form.Phone, form.HomeAreaId, programs,
            new ConsentRecord(now, PurposeVersion, user.UserName), now);
        registrant.SetSkills(form.SkillIds.Select(id => new RegistrantSkill(id, SkillLevel.Experienced)));
        registrant.SetLanguages(["ja", .. form.OtherLanguages]);
        registrant.SetMonthlyCap(form.MonthlyCap);
        db.Registrants.Add(registrant);
        await db.SaveChangesAsync(cancellationToken);
        return registrant.Id;
    }
}
