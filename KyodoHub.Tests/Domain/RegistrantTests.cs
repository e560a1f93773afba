using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using static KyodoHub.Tests.Domain.DomainBuilders;

namespace KyodoHub.Tests.Domain;

public class RegistrantTests
{
    [Fact]
    public void NeedsAPhoneNumberOrAnEmailAddress()
    {
        var error = Assert.Throws<DomainValidationException>(() => NewRegistrant(email: null, phone: null));
        Assert.Equal(nameof(Registrant.Phone), error.Field);
    }

    [Fact]
    public void RefusesAMalformedEmailAddress()
    {
        var error = Assert.Throws<DomainValidationException>(() => NewRegistrant(email: "yamada.example.jp"));
        Assert.Equal(nameof(Registrant.Email), error.Field);
    }

    [Fact]
    public void RefusesAMonthlyCapOfZero()
    {
        var error = Assert.Throws<DomainValidationException>(() => NewRegistrant().SetMonthlyCap(0));
        Assert.Equal(nameof(Registrant.MonthlyCap), error.Field);
    }

    [Fact]
    public void MergesOverlappingWeeklyWindows()
    {
        var registrant = NewRegistrant();
        registrant.SetWeeklyAvailability([
            new AvailabilityWindow(DayOfWeek.Monday, 540, 720),
            new AvailabilityWindow(DayOfWeek.Monday, 700, 900),
        ]);
        var window = Assert.Single(registrant.WeeklyAvailability);
        Assert.Equal((540, 900), (window.StartMinute, window.EndMinute));
    }

    [Fact]
    public void RefusesAWindowThatEndsBeforeItStarts()
    {
        var error = Assert.Throws<DomainValidationException>(() => new AvailabilityWindow(DayOfWeek.Monday, 600, 540));
        Assert.Equal(nameof(AvailabilityWindow.EndMinute), error.Field);
    }

    [Fact]
    public void DoesNotRaiseAChangeWhenTheSkillsAreTheSame()
    {
        var registrant = NewRegistrant();
        registrant.SetSkills([new RegistrantSkill(3, SkillLevel.Expert)]);
        registrant.ClearDomainEvents();
        registrant.SetSkills([new RegistrantSkill(3, SkillLevel.Expert)]);
        Assert.Empty(registrant.DomainEvents);
    }

    [Fact]
    public void KeepsTheHighestLevelOfARepeatedSkill()
    {
        var registrant = NewRegistrant();
        registrant.SetSkills([new RegistrantSkill(3, SkillLevel.Beginner), new RegistrantSkill(3, SkillLevel.Expert)]);
        Assert.Equal(SkillLevel.Expert, Assert.Single(registrant.Skills).Level);
    }

    [Fact]
    public void PausesAndResumesButARetiredRegistrantCannotResume()
    {
        var registrant = NewRegistrant();
        registrant.Pause();
        Assert.Equal(RegistrantStatus.Paused, registrant.Status);
        registrant.Resume();
        Assert.Equal(RegistrantStatus.Active, registrant.Status);
        registrant.Retire();
        Assert.Throws<DomainRuleException>(registrant.Resume);
    }

    [Fact]
    public void LectureThemesAreForCitizenLeadersOnly()
    {
        var error = Assert.Throws<DomainValidationException>(() => NewRegistrant().SetLeaderProfile(new LeaderProfile(["書道入門"], null, FeePolicy.Free)));
        Assert.Equal(nameof(Registrant.LectureThemes), error.Field);
    }
}
