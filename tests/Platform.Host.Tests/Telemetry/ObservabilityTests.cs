using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Telemetry;

/// <summary>One host for the class, with the Prometheus endpoint on and every log line captured with its
/// scopes.</summary>
public sealed class ObservedHost : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(
            _database,
            services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                // The test host logs warnings and up; this provider sees the routing's information lines as well.
                services.Configure<LoggerFilterOptions>(o =>
                    o.AddFilter<CapturedLogs>("Microsoft.AspNetCore.Routing", LogLevel.Information)
                );
            },
            realPort: false,
            "--Telemetry:Prometheus=true"
        );
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Every line logged, with the key-value pairs of the scopes it was written in.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    public sealed record Line(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Line> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var scope = new Dictionary<string, object?>();
            owner._scopes.ForEachScope(
                (s, into) =>
                {
                    if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs)
                            into[key] = value;
                },
                scope
            );
            owner.Lines.Enqueue(new Line(category, formatter(state, exception), scope));
        }
    }
}

/// <summary>
/// What an operator sees of a running host: a Prometheus scrape with ASP.NET Core's, Orleans' and the platform's own
/// metrics when <c>Telemetry:Prometheus</c> is on, and log lines that name the tenant and the meeting of their request.
/// </summary>
public sealed class ObservabilityTests(ObservedHost host) : IClassFixture<ObservedHost>
{
    private const string Meeting = "aomori-shinjo-briefing-h30";

    [Fact]
    public async Task The_scrape_has_http_orleans_and_recorded_entry_metrics_in_prometheus_text()
    {
        var client = host.Platform.Client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/aomori/api/meetings/{Meeting}/record")).StatusCode);
        var body = await client.PostAsJsonAsync(
            "/aomori/api/bodies",
            new { name = "指標の協議体", districtId = "aomori-ono" }
        );
        var bodyId = (await body.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var meeting = await client.PostAsJsonAsync(
            "/aomori/api/meetings",
            new
            {
                bodyId,
                title = "第1回",
                date = "2019-11-19",
            }
        );
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var agenda = await client.PostAsJsonAsync($"/aomori/api/meetings/{meetingId}/agenda", new { title = "テーマ" });
        Assert.Equal(HttpStatusCode.Created, agenda.StatusCode);

        var scrape = await host.Platform.NewClient().GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_route=\"/{tenant}/api/meetings/{meetingId}/record\"", text);
        Assert.Matches(@"(?m)^orleans_\w+", text);
        Assert.Matches(@"(?m)^sasaeai_record_entries\w*\{[^}]*kind=""agenda""[^}]*\} [1-9]", text);
    }

    [Fact]
    public async Task A_scrape_through_the_reverse_proxy_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Platform.NewClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_line_logged_for_a_meetings_request_names_its_tenant_and_meeting()
    {
        var path = $"/aomori/api/meetings/{Meeting}";
        Assert.Equal(HttpStatusCode.OK, (await host.Platform.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Platform.Client.GetAsync("/healthz")).StatusCode);

        var lines = host.Logs.Lines.Where(l => l.Category.StartsWith("Microsoft.AspNetCore.Routing")).ToList();
        var meeting = lines.Where(l => Equals(l.Scope.GetValueOrDefault("RequestPath"), path)).ToList();
        Assert.NotEmpty(meeting);
        Assert.All(meeting, l => Assert.Equal("aomori", l.Scope["TenantId"]));
        Assert.All(meeting, l => Assert.Equal(Meeting, l.Scope["MeetingId"]));
        var health = lines.Where(l => Equals(l.Scope.GetValueOrDefault("RequestPath"), "/healthz")).ToList();
        Assert.NotEmpty(health);
        Assert.All(health, l => Assert.False(l.Scope.ContainsKey("TenantId")));
    }
}
