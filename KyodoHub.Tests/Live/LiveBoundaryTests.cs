using System.Text.RegularExpressions;
using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KyodoHub.Tests.Live;

public partial class LiveBoundaryTests : KyodoBunitContext
{
    private const string Failure = "live handler failed";
    private readonly CapturedLogs _logs = new();
    private readonly LiveSource _source = new();

    public LiveBoundaryTests() => Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_logs]));

    [Fact]
    public async Task APartWhoseLiveHandlerThrowsShowsAReferenceAndReloadWhileItsSiblingKeepsWorking()
    {
        var page = Render<PageWithTwoParts>(p => p.Add(x => x.Source, _source).Add(x => x.FailInPart, true));

        await _source.RaiseAsync();

        page.WaitForAssertion(() => Assert.Contains("この部分を表示できませんでした。", page.Find("[data-testid=live-failed]").TextContent, StringComparison.Ordinal), Patience);
        AssertReferenceIsLogged(page);
        await page.InvokeAsync(() => page.Find("[data-testid=sibling]").Click());
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=sibling]").TextContent), Patience);

        await page.InvokeAsync(() => page.Find("[data-testid=live-reload]").Click());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=part]")), Patience);
    }

    [Fact]
    public async Task APagesLiveHandlerFailureShowsInThePartItFeedsNotAroundThePage()
    {
        var page = Render<PageWithTwoParts>(p => p.Add(x => x.Source, _source).Add(x => x.FailInPart, false));

        await _source.RaiseAsync();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=live-failed]")), Patience);
        Assert.Equal("再読み込み", page.Find("[data-testid=live-reload]").TextContent.Trim());
        AssertReferenceIsLogged(page);
        await page.InvokeAsync(() => page.Find("[data-testid=sibling]").Click());
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=sibling]").TextContent), Patience);
    }

    private void AssertReferenceIsLogged(IRenderedComponent<PageWithTwoParts> page)
    {
        var reference = Reference().Match(page.Find("[data-testid=live-failed-reference]").TextContent);
        Assert.True(reference.Success, page.Markup);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(reference.Groups[1].Value, StringComparison.Ordinal) && e.Exception?.Message == Failure);
    }

    [GeneratedRegex("エラー番号：([0-9a-f]{8})")]
    private static partial Regex Reference();

    /// <summary>A live handler that fails, reporting the exception as the app's handlers do.</summary>
    private static async Task FailAsync(Func<Exception, Task> report)
    {
        try
        {
            throw new InvalidOperationException(Failure);
        }
        catch (InvalidOperationException ex)
        {
            await report(ex);
        }
    }

    /// <summary>Raises a live event from outside the renderer, as the broker does.</summary>
    public sealed class LiveSource
    {
        public event Func<Task>? Raised;

        public Task RaiseAsync() => Task.Run(() => Raised?.Invoke() ?? Task.CompletedTask);
    }

    /// <summary>
    /// A live part inside a boundary beside a counter outside it. The event fails either in the
    /// part's own handler or in the page's, which hands the failure to the part's boundary.
    /// </summary>
    public sealed class PageWithTwoParts : ComponentBase, IDisposable
    {
        private LiveBoundary? _region;
        private int _clicks;

        [Parameter, EditorRequired]
        public required LiveSource Source { get; set; }

        [Parameter]
        public bool FailInPart { get; set; }

        protected override void OnInitialized()
        {
            if (!FailInPart)
            {
                Source.Raised += OnRaisedAsync;
            }
        }

        public void Dispose() => Source.Raised -= OnRaisedAsync;

        private Task OnRaisedAsync() => InvokeAsync(() => FailAsync(ex => _region?.FailAsync(ex) ?? DispatchExceptionAsync(ex)));

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<LiveBoundary>(0);
            builder.AddAttribute(1, nameof(LiveBoundary.ChildContent), (RenderFragment)(part =>
            {
                part.OpenComponent<LivePart>(0);
                part.AddAttribute(1, nameof(LivePart.Source), Source);
                part.AddAttribute(2, nameof(LivePart.Fails), FailInPart);
                part.CloseComponent();
            }));
            builder.AddComponentReferenceCapture(2, r => _region = (LiveBoundary)r);
            builder.CloseComponent();
            builder.OpenElement(3, "button");
            builder.AddAttribute(4, "data-testid", "sibling");
            builder.AddAttribute(5, "onclick", EventCallback.Factory.Create(this, () => _clicks++));
            builder.AddContent(6, _clicks);
            builder.CloseElement();
        }
    }

    /// <summary>A live part whose own handler fails when told to, reporting as the app's parts do.</summary>
    public sealed class LivePart : ComponentBase, IDisposable
    {
        [Parameter, EditorRequired]
        public required LiveSource Source { get; set; }

        [Parameter]
        public bool Fails { get; set; }

        protected override void OnInitialized()
        {
            if (Fails)
            {
                Source.Raised += OnRaisedAsync;
            }
        }

        public void Dispose() => Source.Raised -= OnRaisedAsync;

        private Task OnRaisedAsync() => InvokeAsync(() => FailAsync(DispatchExceptionAsync));

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "part");
            builder.AddContent(2, "live");
            builder.CloseElement();
        }
    }
}
