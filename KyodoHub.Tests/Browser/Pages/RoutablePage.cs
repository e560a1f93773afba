using System.Reflection;
using System.Text.RegularExpressions;
using KyodoHub.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Tests.Browser.Pages;

/// <summary>
/// A page of the app as its router knows it: a route template, the roles that may open it (none for
/// a public page) and whether it runs interactively. Found by reflection, so a page added later is
/// toured without anyone listing it.
/// </summary>
public sealed partial record RoutablePage(string Template, IReadOnlyList<string> Roles, bool Interactive)
{
    /// <summary>The tour's name for nobody signed in.</summary>
    public const string Anonymous = nameof(Anonymous);

    public static IReadOnlyList<RoutablePage> All { get; } = Discover();

    /// <summary>The pages a role opens: its own, or the public ones for <see cref="Anonymous"/>.</summary>
    public static IReadOnlyList<RoutablePage> Of(string role) =>
        All.Where(p => role == Anonymous ? p.Roles.Count == 0 : p.Roles.Contains(role)).ToList();

    // Who checks a page that several roles open: the role that works there most, so that the
    // administrator, who may open nearly everything, checks only the pages that are its own.
    private static readonly string[] CheckOrder = [Web.Identity.Roles.Coordinator, Web.Identity.Roles.DeskStaff, Web.Identity.Roles.Registrant, Web.Identity.Roles.GroupContact, Web.Identity.Roles.Administrator];

    /// <summary>
    /// Whether the tour of <paramref name="role"/> checks this page: each page is checked by one of
    /// the roles that open it, and every role's home, so that each role's menus are checked too.
    /// The others still open it, to follow its links.
    /// </summary>
    public bool IsCheckedBy(string role) =>
        role == Anonymous
        || Template == Web.Identity.Roles.HomeOf(role)
        || CheckOrder.First(Roles.Contains) == role;

    public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);

    /// <summary>Whether a link's path opens this page, e.g. <c>/agreements/3/print</c> for <c>/agreements/{Id:int}/print</c>.</summary>
    public bool Matches(string path) => Pattern().IsMatch(path);

    private Regex Pattern() => new(
        "^" + Parameter().Replace(Regex.Escape(Template).Replace(@"\{", "{", StringComparison.Ordinal), m => m.Groups["int"].Success ? @"\d+" : "[^/]+") + "$",
        RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\{[^}:]+(?<int>:int)?[^}]*\}")]
    private static partial Regex Parameter();

    private static List<RoutablePage> Discover()
    {
        var pages = new List<RoutablePage>();
        foreach (var type in typeof(WebEntryPoint).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)))
        {
            var authorize = type.GetCustomAttributes<AuthorizeAttribute>().ToList();
            var roles = type.IsDefined(typeof(AllowAnonymousAttribute))
                ? []
                : authorize.SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
            if (authorize.Count > 0 && roles.Count == 0 && !type.IsDefined(typeof(AllowAnonymousAttribute)))
            {
                throw new InvalidOperationException($"{type.Name} asks for a signed-in user but names no role: the tour cannot tell who opens it.");
            }
            var interactive = !type.IsDefined(typeof(ExcludeFromInteractiveRoutingAttribute));
            pages.AddRange(type.GetCustomAttributes<RouteAttribute>().Select(r => new RoutablePage(r.Template, roles, interactive)));
        }
        return [.. pages.OrderBy(p => p.Template, StringComparer.Ordinal)];
    }
}
