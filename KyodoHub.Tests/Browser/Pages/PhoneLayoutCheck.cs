using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser.Pages;

/// <summary>
/// What a phone user would see go wrong: a page wider than the screen, an app bar on two lines, a
/// button or chip whose label breaks onto a second line, a table squeezed to a character a line.
/// </summary>
public static class PhoneLayoutCheck
{
    // A label wraps when one of its words or phrases (a text node) breaks over lines; a button that
    // lays out a name and a number on two lines on purpose (the dashboard's state counts) does not.
    private const string Script = """
        () => {
          const problems = [];
          const root = document.scrollingElement;
          // The screen, not the window: a phone widens its window to fit a page that overflows, and zooms out.
          const width = Math.min(window.innerWidth, screen.width);
          if (root.scrollWidth > width) problems.push(`page scrolls sideways: ${root.scrollWidth}px wide on a ${width}px screen`);
          const lines = el => {
            const lineHeight = parseFloat(getComputedStyle(el).fontSize) || 16;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.textContent.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
              if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > lineHeight / 2) return 2;
            }
            return 1;
          };
          const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
          const name = el => (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
          const bar = document.querySelector('.mud-appbar');
          if (bar && visible(bar)) {
            if (bar.getBoundingClientRect().height > 64) problems.push(`app bar is ${Math.round(bar.getBoundingClientRect().height)}px high`);
            for (const el of bar.querySelectorAll('a, button, span')) if (visible(el) && lines(el) > 1) problems.push(`app bar item wraps: 「${name(el)}」`);
          }
          for (const el of document.querySelectorAll('button, .mud-button-root, .mud-chip, [role=button], [role=tab]')) {
            if (visible(el) && !el.closest('.mud-appbar') && lines(el) > 1) problems.push(`label wraps: 「${name(el)}」`);
          }
          // A table squeezed to one or two characters a line: 「依／頼／団／体」 down a column.
          for (const cell of document.querySelectorAll('td, th')) {
            const head = cell.closest('thead');
            if (!visible(cell) || head && head.getBoundingClientRect().width <= 1) continue; // a stacked table's header, kept for screen readers only
            const size = parseFloat(getComputedStyle(cell).fontSize) || 16;
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (tops.size >= 3 && cell.getBoundingClientRect().width < size * 4) problems.push(`table column too narrow to read: 「${name(cell)}」`);
          }
          return [...new Set(problems)];
        }
        """;

    public static async Task<IEnumerable<string>> RunAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);
}
