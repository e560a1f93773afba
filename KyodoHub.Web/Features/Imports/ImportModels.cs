namespace KyodoHub.Web.Features.Imports;

/// <summary>What a CSV file holds.</summary>
public enum ImportKind
{
    Registrants = 0,
    Groups = 1,
}

/// <summary>
/// One problem in a CSV file: the spreadsheet row, the column and what is wrong, in the current
/// language; <see cref="Kind"/> names the kind of problem (its message's resource name).
/// </summary>
public sealed record ImportError(int Row, string Column, string Message, string Kind);

/// <summary>How many rows have one kind of problem in one column, with the first such message as an example.</summary>
public sealed record ImportProblemCount(string Column, string Kind, string Example, int Count);

/// <summary>
/// A file checked before anything is saved: how many rows it has, their problems, and the first
/// rows as read, so that the person importing sees that the columns and characters came through.
/// </summary>
public sealed record ImportPreview(
    ImportKind Kind, int RowCount, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Sample, IReadOnlyList<ImportError> Errors)
{
    public bool CanImport => RowCount > 0 && Errors.Count == 0;

    /// <summary>The problems by column and kind, the most frequent first: a summary of any size of file.</summary>
    public IReadOnlyList<ImportProblemCount> Summary { get; } = Errors
        .GroupBy(e => (e.Column, e.Kind))
        .Select(g => new ImportProblemCount(g.Key.Column, g.Key.Kind, g.First().Message, g.Count()))
        .OrderByDescending(p => p.Count).ThenBy(p => p.Column, StringComparer.Ordinal)
        .ToList();
}

/// <summary>How far an import has come: rows checked of all rows, then rows saved.</summary>
public readonly record struct ImportProgress(int RowCount, int RowsChecked, int RowsSaved);

/// <summary>A column of an import file: its Japanese header as exported, and other headers accepted for it.</summary>
public sealed record ImportColumn(string Key, string Header, bool Required, params string[] Aliases)
{
    public bool Matches(string header) =>
        string.Equals(header, Header, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(header, a, StringComparison.OrdinalIgnoreCase));
}
