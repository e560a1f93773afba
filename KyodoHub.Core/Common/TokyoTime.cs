namespace KyodoHub.Core.Common;

/// <summary>
/// The product's wall clock is Asia/Tokyo. Instants are stored in UTC; this converts for
/// calendar reasoning (weekdays, months, availability windows) and display.
/// </summary>
public static class TokyoTime
{
    /// <summary>The Asia/Tokyo zone; a fixed UTC+9 zone where the host has no tz database (Japan has no DST).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The local Tokyo time of an instant.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    /// <summary>The instant of a Tokyo wall-clock time.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    /// <summary>The instant of a Tokyo date and time of day.</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time) => FromLocal(date.ToDateTime(time));

    /// <summary>The Tokyo calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>Today's date in Tokyo.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Asia/Tokyo", "JST");
        }
    }
}
