using Microsoft.Playwright;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Browser.Tests;

/// <summary>Debian's Chromium, driven by Playwright, against the host on a real loopback port with the demo
/// tenants.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private IPlaywright _playwright = default!;

    protected TestPlatform Platform { get; private set; } = default!;

    protected IBrowser Browser { get; private set; } = default!;

    /// <summary>Runs before the host starts; what it returns is added to the host's arguments.</summary>
    protected virtual Task<string[]> BeforeStartAsync() => Task.FromResult<string[]>([]);

    public async Task InitializeAsync()
    {
        _database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(_database, realPort: true, await BeforeStartAsync());
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with nothing of its own on the network.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("PLATFORM_TEST_CHROMIUM") ?? "/usr/bin/chromium",
                Args =
                [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            }
        );

    /// <summary>A browser context signed in as the platform administrator (its token on every request, event streams
    /// included).</summary>
    protected Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.ExtraHTTPHeaders = new Dictionary<string, string>
        {
            ["Authorization"] = $"Bearer {Platform.AdminToken}",
        };
        return Browser.NewContextAsync(options);
    }

    /// <summary>A page of a new signed-in context.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) =>
        await (await NewContextAsync(options)).NewPageAsync();

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }
}
