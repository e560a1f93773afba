using PdfSharp.Fonts;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>Where the PDF's Japanese font comes from: <c>Pdf:FontPath</c>, else the system font folders.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>A TrueType (.ttf) font with Japanese glyphs, e.g. /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf.</summary>
    public string? FontPath { get; set; }
}

/// <summary>
/// Finds a Japanese TrueType font for the PDF (IPAex Gothic from Debian's fonts-ipaexfont-gothic,
/// or IPA Gothic) and hands it to PDFsharp. Without one the app says so instead of writing a PDF
/// of empty boxes. PDFsharp reads TrueType outlines only, so OpenType/CFF fonts such as Noto CJK
/// do not qualify.
/// </summary>
public sealed class JapaneseFont
{
    private static readonly string[] FileNames = ["ipaexg.ttf", "ipag.ttf", "fonts-japanese-gothic.ttf", "ipaexm.ttf", "ipam.ttf"];

    private readonly Lazy<string?> _path;

    public JapaneseFont(PdfOptions options) => _path = new Lazy<string?>(() => Locate(options.FontPath, SystemFolders()));

    /// <summary>The font file in use, or null when none was found.</summary>
    public string? Path => _path.Value;

    public bool IsAvailable => Path is not null;

    /// <summary>The PDFsharp family name under which the font is registered; null when there is none.</summary>
    public string? FamilyName => Path is { } path ? KyodoFontResolver.Instance.Register(path) : null;

    /// <summary>The configured file if it exists, else the first known Japanese font in <paramref name="folders"/>.</summary>
    public static string? Locate(string? configured, IEnumerable<string> folders)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? System.IO.Path.GetFullPath(configured) : null;
        }
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var name in FileNames)
        {
            foreach (var folder in folders.Where(Directory.Exists))
            {
                var found = Directory.EnumerateFiles(folder, name, options).Order(StringComparer.Ordinal).FirstOrDefault();
                if (found is not null)
                {
                    return found;
                }
            }
        }
        return null;
    }

    private static IEnumerable<string> SystemFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return
        [
            "/usr/share/fonts", "/usr/local/share/fonts",
            System.IO.Path.Combine(home, ".local/share/fonts"), System.IO.Path.Combine(home, ".fonts"),
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts), "/Library/Fonts",
        ];
    }
}

/// <summary>
/// The process-wide PDFsharp font resolver. PDFsharp takes one resolver per process, set once, so
/// fonts are registered here by file and named after it.
/// </summary>
internal sealed class KyodoFontResolver : IFontResolver
{
    public static readonly KyodoFontResolver Instance = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _familyByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _bytesByFace = new(StringComparer.Ordinal);

    private KyodoFontResolver() { }

    /// <summary>Loads the font file once and returns the family name to ask PDFsharp for.</summary>
    public string Register(string path)
    {
        lock (_gate)
        {
            if (_familyByPath.TryGetValue(path, out var family))
            {
                return family;
            }
            family = $"KyodoJapanese{_familyByPath.Count + 1}";
            _bytesByFace[family] = File.ReadAllBytes(path);
            _familyByPath[path] = family;
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = this;
            }
            return family;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        lock (_gate)
        {
            return _bytesByFace.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;
        }
    }

    public byte[]? GetFont(string faceName)
    {
        lock (_gate)
        {
            return _bytesByFace.GetValueOrDefault(faceName);
        }
    }
}
