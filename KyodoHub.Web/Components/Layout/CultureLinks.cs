using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Components.Layout;

/// <summary>
/// Where a language choice goes: the culture endpoint stores it and comes back to the page, which
/// reloads, because the culture cookie is read when a page loads.
/// </summary>
internal static class CultureLinks
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string To(NavigationManager navigation, string lang) =>
        $"/culture?lang={lang}&returnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";
}
