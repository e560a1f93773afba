using Microsoft.Playwright;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, started once for the browser tests. Missing Chromium is
/// a failure, not a skip: the test command installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run ./test.sh, which installs it.");
        }
        _playwright = await Playwright.CreateAsync();
        // The suite shares two cores with its servers: a page may take longer than Playwright's
        // default five seconds to render what a test expects.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) that talks to the given app, in Japanese at 1280 px.</summary>
    public Task<IPage> NewPageAsync(KyodoAppFactory app) => NewPageAsync(app, PageLook.Desktop);

    /// <summary>
    /// A fresh browser context in the given language and size: ja-JP or en-GB with time zone
    /// Asia/Tokyo; English pages carry the culture cookie a user's language switch would set.
    /// </summary>
    public async Task<IPage> NewPageAsync(KyodoAppFactory app, PageLook look)
    {
        var baseUrl = app.BaseAddress.ToString().TrimEnd('/');
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = look.English ? "en-GB" : "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = look.Width, Height = look.Height },
            IsMobile = look.Width < 600,
            HasTouch = look.Width < 600,
        });
        context.SetDefaultTimeout(15_000);
        if (look.English)
        {
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Den%7Cuic%3Den", Url = baseUrl }]);
        }
        return await context.NewPageAsync();
    }

    /// <summary>Signs in to the given app through the sign-in page as a user would, and waits for the home page.</summary>
    public Task<IPage> SignedInPageAsync(KyodoAppFactory app, string role) =>
        SignedInPageAsync(app, role, PageLook.Desktop);

    public Task<IPage> SignedInPageAsync(KyodoAppFactory app, string role, PageLook look) =>
        SignedInPageAsync(app, DemoUsers.EmailOf(role), DemoUsers.Password, Web.Identity.Roles.HomeOf(role), look);

    public Task<IPage> SignedInPageAsync(KyodoAppFactory app, string email, string password, string home) =>
        SignedInPageAsync(app, email, password, home, PageLook.Desktop);

    public async Task<IPage> SignedInPageAsync(KyodoAppFactory app, string email, string password, string home, PageLook look)
    {
        var page = await NewPageAsync(app, look);
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form:has(#email) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{home}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests share one app and one Chromium.</summary>
public class BrowserAppFixture : IAsyncLifetime
{
    public BrowserAppFixture()
        : this(new AppFixture())
    {
    }

    /// <summary>A browser on an app of another kind, e.g. one that delivers mail.</summary>
    protected BrowserAppFixture(AppFixture app) => AppFixture = app;

    public AppFixture AppFixture { get; }
    public BrowserFixture BrowserFixture { get; } = new();
    public KyodoAppFactory App => AppFixture.App;

    public async Task InitializeAsync()
    {
        await AppFixture.InitializeAsync();
        await BrowserFixture.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await BrowserFixture.DisposeAsync();
        await AppFixture.DisposeAsync();
    }

    public Task<IPage> NewPageAsync() => BrowserFixture.NewPageAsync(App);

    public Task<IPage> NewPageAsync(PageLook look) => BrowserFixture.NewPageAsync(App, look);

    /// <summary>Signs in through the sign-in page as a user would, and waits for the home page.</summary>
    public Task<IPage> SignedInPageAsync(string role) => BrowserFixture.SignedInPageAsync(App, role);

    public Task<IPage> SignedInPageAsync(string role, PageLook look) => BrowserFixture.SignedInPageAsync(App, role, look);

    public Task<IPage> SignedInPageAsync(string email, string password, string home) => BrowserFixture.SignedInPageAsync(App, email, password, home);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
