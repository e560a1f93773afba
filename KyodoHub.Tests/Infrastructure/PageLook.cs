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

    /// <summary>Every look by name ("ja-1280"), as theory data: a test runs once per look.</summary>
    public static TheoryData<string> Names => new(All.Select(l => l.ToString()));

    /// <summary>The look a name from <see cref="Names"/> stands for.</summary>
    public static PageLook Named(string name) => All.Single(l => l.ToString() == name);

    public override string ToString() => $"{(English ? "en" : "ja")}-{Width}";
}
