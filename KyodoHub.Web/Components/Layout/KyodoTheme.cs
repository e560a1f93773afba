using MudBlazor;

namespace KyodoHub.Web.Components.Layout;

/// <summary>The app's colours and type: a calm civic blue-green, Japanese fonts first.</summary>
internal static class KyodoTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5d6b",
            Secondary = "#8a4b08",
            Tertiary = "#3b4a9c",
            AppbarBackground = "#0b5d6b",
            Background = "#f6f8f8",
            DrawerBackground = "#ffffff",
            TextSecondary = "#4a5560",
            Success = "#1e6b33",
            Warning = "#8a5a00",
            Error = "#b3261e",
            Info = "#1d5fa8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", "sans-serif"],
            },
        },
    };
}
