using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser.Pages;

/// <summary>axe-core on the open page, WCAG 2.1 A and AA rules only.</summary>
public static class AccessibilityCheck
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    public static async Task<IEnumerable<string>> RunAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        return result.Violations.Select(v =>
            $"axe {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}{(v.Nodes.Length > 3 ? $" and {v.Nodes.Length - 3} more" : "")}");
    }
}
