using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KyodoHub.Core.Registrants;

/// <summary>
/// Weekly availability as one line of text, as the registrant file carries it: windows of a day
/// name and a time range, joined with 「; 」, e.g. 「月 9:00-12:00; 水 13:00-17:00」. Days are
/// 月火水木金土日 (曜 or 曜日 may follow) or Mon–Sun; times are H:MM from 0:00 to 24:00; full-width
/// digits and 〜 or ～ for the dash are accepted. Separators 「;」「；」「、」 and line breaks all work.
/// </summary>
public static partial class WeeklyAvailabilityText
{
    private static readonly string[] JapaneseDays = ["日", "月", "火", "水", "木", "金", "土"];
    private static readonly string[] EnglishDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>The windows as text, Monday first, in the form <see cref="TryParse"/> reads.</summary>
    public static string Format(IEnumerable<AvailabilityWindow> windows) =>
        string.Join("; ", windows.OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.StartMinute)
            .Select(w => $"{JapaneseDays[(int)w.Day]} {Time(w.StartMinute)}-{Time(w.EndMinute)}"));

    /// <summary>
    /// Reads the windows of the text; on failure <paramref name="bad"/> is the first part that is not
    /// a window and <paramref name="badTime"/> tells whether its day was right but its times were not.
    /// </summary>
    public static bool TryParse(string text, out List<AvailabilityWindow> windows, out string bad, out bool badTime)
    {
        windows = [];
        (bad, badTime) = ("", false);
        foreach (var raw in text.Split([';', '；', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw.Normalize(NormalizationForm.FormKC).Replace('〜', '-').Replace('~', '-').Replace('–', '-');
            var match = WindowPattern().Match(part);
            var day = match.Success ? DayOf(match.Groups["day"].Value) : null;
            if (day is null)
            {
                (bad, badTime) = (raw, false);
                return false;
            }
            var start = Minutes(match.Groups["from"].Value);
            var end = Minutes(match.Groups["to"].Value);
            if (start is null || end is null || start >= 1440 || end <= start)
            {
                (bad, badTime) = (raw, true);
                return false;
            }
            windows.Add(new AvailabilityWindow(day.Value, start.Value, end.Value));
        }
        return true;
    }

    private static DayOfWeek? DayOf(string name)
    {
        var trimmed = name.EndsWith("曜日", StringComparison.Ordinal) ? name[..^2] : name.EndsWith('曜') ? name[..^1] : name;
        var index = Array.IndexOf(JapaneseDays, trimmed);
        if (index < 0)
        {
            index = Array.FindIndex(EnglishDays, d => trimmed.StartsWith(d, StringComparison.OrdinalIgnoreCase) && trimmed.Length <= 9);
        }
        return index < 0 ? null : (DayOfWeek)index;
    }

    private static int? Minutes(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && (h < 24 || (h == 24 && m == 0))
            ? (h * 60) + m
            : null;
    }

    private static string Time(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");

    [GeneratedRegex(@"^(?<day>\p{L}+)\s*(?<from>\d{1,2}:\d{1,2})\s*-\s*(?<to>\d{1,2}:\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
