using System.Globalization;
using KyodoHub.Core.Common;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Localization;

/// <summary>Dates, times and enum names as the current language writes them, always in Asia/Tokyo.</summary>
public static class DisplayFormats
{
    private static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";

    /// <summary>2026年11月29日(日) 14:00, or Sun, 29 Nov 2026 14:00.</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = TokyoTime.ToLocal(instant);
        return IsJapanese
            ? local.ToString("yyyy年M月d日(ddd) H:mm", CultureInfo.GetCultureInfo("ja-JP"))
            : local.ToString("ddd, d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));
    }

    /// <summary>2026年11月29日(日), or Sun, 29 Nov 2026.</summary>
    public static string Date(DateOnly date) =>
        IsJapanese
            ? date.ToString("yyyy年M月d日(ddd)", CultureInfo.GetCultureInfo("ja-JP"))
            : date.ToString("ddd, d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(TokyoTime.ToLocal(instant)));

    /// <summary>14:00–16:00 in Tokyo.</summary>
    public static string TimeRange(DateTimeOffset start, DateTimeOffset end) =>
        $"{TokyoTime.ToLocal(start):H:mm}–{TokyoTime.ToLocal(end):H:mm}";

    /// <summary>The localized name of an enum value: resource key <c>TypeName_Value</c>.</summary>
    public static string Name<T>(this IStringLocalizer localizer, T value) where T : struct, Enum =>
        localizer[$"{typeof(T).Name}_{value}"];

    /// <summary>
    /// A sentence about a number of things: the text under <c>key_one</c> when there is exactly one
    /// and the language has such a text (English: "1 offer"), otherwise the one under <c>key</c>.
    /// </summary>
    public static string Count(this IStringLocalizer localizer, string key, int count) =>
        count == 1 && localizer[key + "_one", count] is { ResourceNotFound: false } one ? one : localizer[key, count];

    /// <summary>A label before its value, punctuated as the current language writes it: 「席数：」 or "Seats: ".</summary>
    public static string Label(this IStringLocalizer localizer, string key) => localizer[key] + (IsJapanese ? "：" : ": ");

    /// <summary>Items of a list shown to people, joined as the current language writes lists: 「、」 or ", ".</summary>
    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items);

    /// <summary>What separates the items of a list in the current language.</summary>
    public static string ListSeparator => IsJapanese ? "、" : ", ";

    /// <summary>The localized names of the programmes in a set, joined.</summary>
    public static string Programs(this IStringLocalizer localizer, Core.Common.Program programs) =>
        string.Join(IsJapanese ? "・" : ", ",
            new[] { Core.Common.Program.LifelongLearningLeader, Core.Common.Program.ChokottoVolunteer }
                .Where(p => programs.HasFlag(p))
                .Select(p => localizer.Name(p)));

    /// <summary>A language's name (resource key <c>Language_{code}</c>), or its code when the app has no name for it.</summary>
    public static string Language(this IStringLocalizer localizer, string code) =>
        localizer[$"Language_{code}"] is { ResourceNotFound: false } name ? name.Value : code;

    /// <summary>A skill with its level: 書道（初級）, or Calligraphy (Beginner).</summary>
    public static string SkillWithLevel(string skill, string level) => IsJapanese ? $"{skill}（{level}）" : $"{skill} ({level})";

    /// <summary>The Japanese or English name, as the current language wants.</summary>
    public static string Pick(string ja, string en) => IsJapanese ? ja : en;
}
