using System.Globalization;
using System.Resources;

namespace KyodoHub.Web.Localization;

/// <summary>
/// Text of documents that are Japanese whatever the reader's UI language (the agreement, its
/// print view and PDF): the neutral (Japanese) UI strings, read without the current culture.
/// </summary>
public static class DocumentText
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static string Get(string key) =>
        Resources.GetString(key, Japanese) ?? throw new InvalidOperationException($"Missing UI string {key}.");

    public static string Format(string key, params object[] args) => string.Format(Japanese, Get(key), args);
}
