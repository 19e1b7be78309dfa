using Microsoft.Playwright;
using Platform.Core.Storage;
using Platform.Testing;

// The crawls of every page start first, each on a core of its own, so that neither is the run's tail (docs/testing.md).
[assembly: TestCollectionOrderer("Platform.Testing.LongestFirst", "Platform.Testing")]

namespace Platform.Browser.Tests;

/// <summary>Debian's Chromium, driven by Playwright, against the host on a real loopback port with the demo
/// tenants. Each test has a host and a database of its own (the tests change what others read: the same meeting's
/// opinions and replies, module switches); the browser is shared (<see cref="SharedChromium"/>), and each test gets
/// contexts of its own, closed when it ends.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly List<IBrowserContext> _contexts = [];

    protected TestPlatform Platform { get; private set; } = default!;

    /// <summary>Runs before the host starts; what it returns is added to the host's arguments.</summary>
    protected virtual Task<string[]> BeforeStartAsync() => Task.FromResult<string[]>([]);

    public async Task InitializeAsync()
    {
        _database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(_database, realPort: true, await BeforeStartAsync());
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

    /// <summary>A browser context of this test's, signed in as the platform administrator (its token on every
    /// request, event streams included) unless <paramref name="asAdministrator"/> is false: then it carries only what
    /// <paramref name="options"/> says (nobody signed in, or another person's token).</summary>
    protected async Task<IBrowserContext> NewContextAsync(
        BrowserNewContextOptions? options = null,
        bool asAdministrator = true
    )
    {
        options ??= new BrowserNewContextOptions();
        if (asAdministrator)
            options.ExtraHTTPHeaders = new Dictionary<string, string>
            {
                ["Authorization"] = $"Bearer {Platform.AdminToken}",
            };
        var context = await (await SharedChromium.GetAsync()).NewContextAsync(options);
        lock (_contexts)
            _contexts.Add(context);
        return context;
    }

    /// <summary>A page of a new signed-in context.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) =>
        await (await NewContextAsync(options)).NewPageAsync();

    public virtual async Task DisposeAsync()
    {
        // The pages go first: one still following a meeting's event stream would hold up the host's stop.
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser went away (the test has failed already); the host must still stop.
            }
        }
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// One Chromium (and one Playwright driver) for the whole run: launching them was a second or two of every test.
/// Tests share nothing else of it: each context has its own cookies, storage and cache. A browser that crashed is
/// launched again for the next test, so that one crash fails one test rather than the rest.
/// </summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
                return _browser;
            if (_playwright is null)
            {
                _playwright = await Playwright.CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
            }
            return _browser = await BrowserTest.LaunchChromiumAsync(_playwright);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Close()
    {
        _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        _playwright?.Dispose();
    }
}
