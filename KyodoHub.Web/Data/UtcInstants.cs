using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KyodoHub.Web.Data;

/// <summary>
/// How instants reach the database: always in UTC, whatever offset a caller's value or query
/// parameter carries (the domain works in UTC; pages show Tokyo time through <c>TokyoTime</c>).
/// </summary>
internal static class UtcInstants
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    /// <summary>For providers with an instant type (PostgreSQL's timestamptz takes offset zero only).</summary>
    public sealed class Converter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    /// <summary>
    /// For SQLite: a sortable integer. The binary form keeps the offset's wall-clock ticks, so it
    /// orders and compares correctly only when every value is in UTC.
    /// </summary>
    public sealed class BinaryConverter() : ValueConverter<DateTimeOffset, long>(
        v => Binary.ConvertToProviderTyped(v.ToUniversalTime()),
        v => Binary.ConvertFromProviderTyped(v));
}
