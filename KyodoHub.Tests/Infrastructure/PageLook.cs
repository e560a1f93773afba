namespace KyodoHub.Tests.Infrastructure;

/// <summary>How a browser test looks at a page: its language and its viewport.</summary>
public sealed record PageLook(bool English, int Width, int Height)
{
    public static readonly PageLook Desktop = new(false, 1280, 800);
    public static readonly PageLook DesktopEnglish = new(true, 1280, 800);
    public static readonly PageLook Phone = new(false, 390, 844);
    public static readonly PageLook PhoneEnglish = new(true, 390, 844);

    /// <summary>Every look, for tests that check a page in both languages at both widths.</summary>
    public static readonly IReadOnlyList<PageLook> All = [Desktop, DesktopEnglish, Phone, PhoneEnglish];

    public override string ToString() => $"{(English ? "en" : "ja")}-{Width}";
}
