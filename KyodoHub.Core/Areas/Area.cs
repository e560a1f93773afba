using KyodoHub.Core.Common;

namespace KyodoHub.Core.Areas;

/// <summary>A town (町) of the city, with an approximate centroid so that distance can be scored.</summary>
public sealed class Area
{
    private Area() { }

    public Area(int id, string nameJa, string kana, string nameEn, double latitude, double longitude)
    {
        Id = Guard.PositiveId(id, nameof(Id));
        NameJa = Guard.Required(nameJa, nameof(NameJa), 50);
        Kana = Guard.Required(kana, nameof(Kana), 50);
        NameEn = Guard.Required(nameEn, nameof(NameEn), 50);
        if (latitude is < -90 or > 90)
        {
            throw new DomainValidationException(nameof(Latitude), "OutOfRange", "Latitude must be between -90 and 90.");
        }
        if (longitude is < -180 or > 180)
        {
            throw new DomainValidationException(nameof(Longitude), "OutOfRange", "Longitude must be between -180 and 180.");
        }
        Latitude = latitude;
        Longitude = longitude;
    }

    public int Id { get; private set; }
    public string NameJa { get; private set; } = "";
    public string Kana { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    /// <summary>Great-circle distance in kilometres between two centroids (haversine).</summary>
    public double DistanceKmTo(Area other) => Geo.DistanceKm(Latitude, Longitude, other.Latitude, other.Longitude);
}

/// <summary>Great-circle distance.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
