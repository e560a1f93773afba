using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KyodoHub.Web.Data;

/// <summary>Reads what a failed save means, whichever database refused it.</summary>
public static class DbErrors
{
    /// <summary>
    /// A unique index refused the row: on PostgreSQL two transactions can both read a state and
    /// both try to act on it, and the index is what lets only one through.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException error) => error.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
