using KyodoHub.Core.Groups;

namespace KyodoHub.Tests.Matching;

/// <summary>Preference fit: the request's category and the group's kind against the registrant's stated preferences.</summary>
public class PreferenceFitTests
{
    [Fact]
    public void MatchingCategoryAndGroupKindFitsFully() =>
        Assert.Equal(1.0, Preference(new RegistrantBuilder(1).Preferring([1, 3], GroupKind.NeighbourhoodAssociation)));

    [Fact]
    public void NoStatedPreferenceIsNeutral() =>
        Assert.Equal(0.5, Preference(new RegistrantBuilder(1)));

    [Fact]
    public void StatedPreferencesThatAreNotMetScoreNothing() =>
        Assert.Equal(0.0, Preference(new RegistrantBuilder(1).Preferring([2], GroupKind.Company)));

    [Fact]
    public void AMatchedCategoryWithoutKindPreferencesIsThreeQuarters() =>
        Assert.Equal(0.75, Preference(new RegistrantBuilder(1).Preferring([1])));

    [Fact]
    public void AMatchedKindWithAnUnmetCategoryIsHalf() =>
        Assert.Equal(0.5, Preference(new RegistrantBuilder(1).Preferring([2], GroupKind.NeighbourhoodAssociation, GroupKind.School)));

    [Fact]
    public void TheGroupKindComesFromTheCaller()
    {
        var registrant = new RegistrantBuilder(1).Preferring([], GroupKind.School).Build();
        var request = new RequestBuilder().Build();

        Assert.Equal(0.75, MatchFixture.Explain(registrant, request, groupKind: GroupKind.School).Breakdown.Preference);
        Assert.Equal(0.25, MatchFixture.Explain(registrant, request, groupKind: GroupKind.Company).Breakdown.Preference);
    }

    private static double Preference(RegistrantBuilder registrant) =>
        MatchFixture.Explain(registrant.Build(), new RequestBuilder().InCategory(1).Build()).Breakdown.Preference;
}
