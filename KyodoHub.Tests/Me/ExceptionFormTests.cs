using Bunit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Localization;
using KyodoHub.Web.Features.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Tests.Me;

public class ExceptionFormTests : KyodoBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly List<AvailabilityException> _added = [];

    public ExceptionFormTests() => UseInteractiveServerRenderer();

    private IRenderedComponent<ExceptionForm> RenderForm(FieldErrors? serverErrors = null) =>
        Render<ExceptionForm>(p => p
            .Add(f => f.Today, Today)
            .Add(f => f.OnAdd, e =>
            {
                _added.Add(e);
                return Task.FromResult(true);
            })
            .Add(f => f.ServerErrors, serverErrors ?? FieldErrors.None));

    private static void Type(IRenderedComponent<ExceptionForm> form, string testId, string value) =>
        form.Find($"input[data-testid={testId}]").Change(value);

    private static void Choose(IRenderedComponent<ExceptionForm> form, ExceptionChoice choice) =>
        form.FindAll("input[type=radio]")[(int)choice].Click();

    private static string ErrorsText(IRenderedComponent<ExceptionForm> form) =>
        string.Join(" | ", form.FindAll(".mud-input-helper-text.mud-input-error, [role=alert]").Select(e => e.TextContent.Trim()));

    [Fact]
    public void ADateIsRequired()
    {
        var form = RenderForm();
        form.Find("form").Submit();
        Assert.Contains("日付を選んでください。", ErrorsText(form), StringComparison.Ordinal);
        Assert.Empty(_added);
    }

    [Fact]
    public void APastDateIsRefusedBesideTheDate()
    {
        var form = RenderForm();
        Type(form, "exception-date", "2026-11-28");
        form.Find("form").Submit();
        Assert.Contains("今日以降の日付を選んでください。", ErrorsText(form), StringComparison.Ordinal);
        Assert.Empty(_added);

        // Putting the date right clears the message at once.
        Type(form, "exception-date", "2026-12-01");
        Assert.DoesNotContain("今日以降", ErrorsText(form), StringComparison.Ordinal);
    }

    [Fact]
    public void AWindowMustEndAfterItStarts()
    {
        var form = RenderForm();
        Type(form, "exception-date", "2026-12-05");
        Choose(form, ExceptionChoice.UnavailableWindow);
        Type(form, "exception-start", "13:00");
        Type(form, "exception-end", "10:00");
        form.Find("form").Submit();
        var end = form.Find("input[data-testid=exception-end]");
        Assert.Equal("true", end.GetAttribute("aria-invalid"));
        Assert.Contains("「終了時刻」は開始より後にしてください。", ErrorsText(form), StringComparison.Ordinal);
        Assert.Empty(_added);
    }

    [Fact]
    public void AWholeDayOffIsAddedAsAnUnavailableDay()
    {
        var form = RenderForm();
        Type(form, "exception-date", "2026-12-24");
        form.Find("form").Submit();
        var added = Assert.Single(_added);
        Assert.Equal(new AvailabilityException(new DateOnly(2026, 12, 24), ExceptionKind.Unavailable), added);
        Assert.True(added.IsWholeDay);
    }

    [Fact]
    public void AFreeWindowIsAddedAsAvailableAndMidnightEndsTheDay()
    {
        var form = RenderForm();
        Type(form, "exception-date", "2027-01-09");
        Choose(form, ExceptionChoice.AvailableWindow);
        Type(form, "exception-start", "18:30");
        Type(form, "exception-end", "00:00");
        form.Find("form").Submit();
        Assert.Equal([new AvailabilityException(new DateOnly(2027, 1, 9), ExceptionKind.Available, 18 * 60 + 30, 1440)], _added);
    }

    [Fact]
    public void ShowsWhatTheServerRefusedBesideTheField()
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var refused = FieldErrors.From(new DomainValidationException(nameof(AvailabilityException.Date), "InPast", "past"), localizer);
        var form = RenderForm(refused);
        Assert.Equal("true", form.Find("input[data-testid=exception-date]").GetAttribute("aria-invalid"));
        Assert.Contains("今日以降の日付を選んでください。", ErrorsText(form), StringComparison.Ordinal);
    }

    [Fact]
    public void SpeaksEnglishWhenTheCultureIsEnglish()
    {
        UseCulture("en");
        var form = RenderForm();
        form.Find("form").Submit();
        Assert.Contains("Choose a date.", ErrorsText(form), StringComparison.Ordinal);
    }
}
