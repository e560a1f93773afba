using KyodoHub.Core.Areas;

namespace KyodoHub.Tests.Matching;

public class ProximityTests
{
    [Fact]
    public void LivingInTheRequestsAreaIsFullyClose() =>
        Assert.Equal(1.0, Proximity(homeArea: MatchFixture.Takamatsu, requestArea: MatchFixture.Takamatsu));

    [Fact]
    public void ProximityHalvesWithEveryTwoAndAHalfKilometresBetweenCentroids()
    {
        var takamatsu = TachikawaAreas.All.Single(a => a.Id == MatchFixture.Takamatsu);
        var nishisuna = TachikawaAreas.All.Single(a => a.Id == MatchFixture.Nishisuna);
        var km = takamatsu.DistanceKmTo(nishisuna);

        Assert.InRange(km, 3.5, 5.5);
        Assert.Equal(Math.Pow(0.5, km / 2.5), Proximity(MatchFixture.Nishisuna, MatchFixture.Takamatsu), 12);
    }

    [Fact]
    public void ANearerAreaScoresHigher()
    {
        const int midori = 14;

        Assert.True(Proximity(midori, MatchFixture.Takamatsu) > Proximity(MatchFixture.Nishisuna, MatchFixture.Takamatsu));
    }

    [Fact]
    public void ProximityIsGreatCircleDistanceSoItIsSymmetric() =>
        Assert.Equal(Proximity(MatchFixture.Nishisuna, MatchFixture.Takamatsu), Proximity(MatchFixture.Takamatsu, MatchFixture.Nishisuna), 12);

    [Fact]
    public void AnUnknownHomeAreaIsNotClose() =>
        Assert.Equal(0.0, Proximity(homeArea: 99, requestArea: MatchFixture.Takamatsu));

    [Fact]
    public void ARequestInAnUnknownAreaIsCloseToNobody() =>
        Assert.Equal(0.0, Proximity(homeArea: MatchFixture.Takamatsu, requestArea: 99));

    private static double Proximity(int homeArea, int requestArea) =>
        MatchFixture.Explain(new RegistrantBuilder(1).InArea(homeArea).Build(), new RequestBuilder().InArea(requestArea).Build()).Breakdown.Proximity;
}
