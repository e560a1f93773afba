using System.Text;
using CsvHelper;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// Reading and writing CSV as spreadsheets in Japan do: files are read as UTF-8 (with or without
/// a BOM) or, when they are not valid UTF-8, as Shift_JIS (Windows-31J, what Excel writes); files
/// are written as UTF-8 with a BOM, so that Excel opens them with the Japanese intact.
/// </summary>
public static class CsvFiles
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Shift_JIS as Windows writes it (code page 932, a superset of Shift_JIS).</summary>
    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    /// <summary>The text of a file: UTF-8 when its bytes are (BOM or not), Shift_JIS otherwise.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ShiftJis.GetString(bytes);
        }
    }

    private static readonly CsvWriterOptions WriterOptions = new() { WriteByteOrderMark = true, NewLine = "\r\n", Injection = CsvInjection.Escape };

    /// <summary>
    /// A CSV file from a header and rows: UTF-8 with a BOM, CRLF line ends, fields quoted where
    /// needed, and text that a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c> first) escaped with <c>'</c>, which <see cref="Unescape"/> takes off again.
    /// </summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, WriterOptions, leaveOpen: true))
        {
            WriteRecord(csv, header);
            foreach (var row in rows)
            {
                WriteRecord(csv, row);
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The same file as <see cref="Write"/>, written to <paramref name="destination"/> as the items
    /// arrive, a buffer at a time and never synchronously, so that however many rows there are
    /// the memory used stays that of one buffer. Returns how many rows were written.
    /// </summary>
    public static async Task<int> WriteAsync<T>(Stream destination, IReadOnlyList<string> header, IAsyncEnumerable<T> items, Func<T, IReadOnlyList<string>> row, CancellationToken cancellationToken)
    {
        var count = 0;
        await using (var csv = CsvWriter.Create(destination, WriterOptions, leaveOpen: true))
        {
            WriteFields(csv, header);
            await csv.EndRecordAsync(cancellationToken);
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                WriteFields(csv, row(item));
                await csv.EndRecordAsync(cancellationToken);
                count++;
            }
            await csv.FlushAsync(cancellationToken);
        }
        return count;
    }

    private static void WriteRecord(CsvWriter csv, IReadOnlyList<string> fields)
    {
        WriteFields(csv, fields);
        csv.EndRecord();
    }

    private static void WriteFields(CsvWriter csv, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
    }

    /// <summary>Reads the header and records of CSV text; each record keeps its row number as a spreadsheet shows it (header = 1).</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records) Read(string text)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, SkipEmptyLines = true, AllowLineBreaksInQuotes = true };
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.Select(h => h.Trim()).ToList();
        var records = new List<CsvRecord>();
        while (csv.Read())
        {
            var fields = csv.Current.ToArray().Select(f => Unescape(f ?? "")).ToList();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            records.Add(new CsvRecord(checked((int)csv.RowNumber) + 1, fields));
        }
        return (header, records);
    }

    /// <summary>Takes off the <c>'</c> that <see cref="Write"/> puts before text that looks like a formula.</summary>
    public static string Unescape(string field) =>
        field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' ? field[1..] : field;
}

/// <summary>One record of a CSV file with the spreadsheet row it came from.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields);
