using Market.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Market.Tests.E2e;

/// <summary>One real app (with its own Redis) and one headless Chromium for a whole test class; each user gets a context of their own.</summary>
public class MarketBrowser : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private RedisServer? redis;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public MarketHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        // The journeys see the shop window as a first run does: demo products with their photos.
        var settings = new Dictionary<string, string?> { ["Seed:DemoPhotos"] = "true" };
        await AddSettingsAsync(settings);
        Host = await MarketHost.StartAsync(redis, settings: settings, services: AddServices);
        await HostStartedAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MARKET_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>For a fixture that brings more servers (the Stripe fake) and points the app at them.</summary>
    protected virtual Task AddSettingsAsync(Dictionary<string, string?> settings) => Task.CompletedTask;

    protected virtual Task HostStartedAsync() => Task.CompletedTask;

    /// <summary>For a fixture that replaces one of the app's services (its clock).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>A fresh, phone-sized browser profile in Spanish and Salvadoran time, as most residents use the app.</summary>
    public async Task<IBrowserContext> NewPhoneAsync(int width = 390, int height = 844)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "es-SV",
            TimezoneId = "America/El_Salvador",
        });
        // CI runs the unit, integration and e2e projects at once on 2 cores: a sign-in (password hashing and all)
        // was seen to take over 10 s there. A wait budget, not an assertion: a step that never happens still fails.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    public virtual async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}
