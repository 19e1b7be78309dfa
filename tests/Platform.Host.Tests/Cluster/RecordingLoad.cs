using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.Tests.Cluster;

/// <summary>
/// Recorders and followers of live meetings, as the recording page behaves: each writer sends one opinion after
/// another with an Idempotency-Key of its own and sends the same again, with the same key, after a 503 (after its
/// Retry-After) or a lost connection; each follower reads the event stream and reconnects with Last-Event-ID. What
/// they saw is kept for the test to check.
/// </summary>
public sealed class RecordingLoad(HttpClient front, IReadOnlyList<(string Meeting, string Theme)> meetings)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Acknowledged opinions (201): meeting, opinion id, text, and when the answer came.</summary>
    public ConcurrentBag<(string Meeting, string Id, string Text, TimeSpan At)> Acknowledged { get; } = [];

    /// <summary>Every answer that was not 201: meeting, status, code, whether it had Retry-After, when.</summary>
    public ConcurrentBag<(
        string Meeting,
        HttpStatusCode Status,
        string? Code,
        bool RetryAfter,
        TimeSpan At
    )> Refused { get; } = [];

    /// <summary>Connections lost or reset while sending (nginx or a host gone).</summary>
    public ConcurrentBag<(string Error, TimeSpan At)> Lost { get; } = [];

    /// <summary>Opinion ids each follower received, per follower (meeting, follower number).</summary>
    public ConcurrentDictionary<(string Meeting, int Follower), ConcurrentDictionary<string, int>> Followed { get; } =
        new();

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Creates <paramref name="count"/> meetings with a theme each through <paramref name="host"/> (whose
    /// grains then live on that host, as the first to ask).</summary>
    public static async Task<List<(string Meeting, string Theme)>> MeetingsAsync(HttpClient host, int count)
    {
        async Task<JsonElement> Post(string url, object body) =>
            await (await host.PostAsJsonAsync(url, body))
                .EnsureSuccessStatusCode()
                .Content.ReadFromJsonAsync<JsonElement>();
        var body = (await Post("/aomori/api/bodies", new { name = "切り替えの協議体", districtId = "aomori-tsutsui" }))
            .GetProperty("id")
            .GetString();
        var meetings = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var meeting = (
                await Post(
                    "/aomori/api/meetings",
                    new
                    {
                        bodyId = body,
                        title = $"第{i + 1}回",
                        date = "2026-12-01",
                    }
                )
            ).GetProperty("id").GetString()!;
            var theme = (await Post($"/aomori/api/meetings/{meeting}/agenda", new { title = "テーマ" }))
                .GetProperty("agendaItem")
                .GetProperty("id")
                .GetString()!;
            meetings.Add((meeting, theme));
        }
        return meetings;
    }

    /// <summary>Starts <paramref name="writersPerMeeting"/> writers per meeting, which write until
    /// <paramref name="stop"/> and end once their last opinion is acknowledged, and
    /// <paramref name="followersPerMeeting"/> followers per meeting, which follow until <paramref name="stopFollowing"/>.</summary>
    public (Task Writing, Task Following) Run(
        int writersPerMeeting,
        int followersPerMeeting,
        CancellationToken stop,
        CancellationToken stopFollowing
    ) =>
        (
            Task.WhenAll(
                meetings.SelectMany(m =>
                    Enumerable.Range(0, writersPerMeeting).Select(w => WriteAsync(m.Meeting, m.Theme, w, stop))
                )
            ),
            Task.WhenAll(
                meetings.SelectMany(m =>
                    Enumerable.Range(0, followersPerMeeting).Select(f => FollowAsync(m.Meeting, f, stopFollowing))
                )
            )
        );

    private async Task WriteAsync(string meeting, string theme, int writer, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = Guid.NewGuid().ToString();
            var text = $"{meeting}-{writer}-{n}";
            // The same opinion, the same key, until it is acknowledged: as the page's queue does.
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/aomori/api/meetings/{meeting}/opinions")
                {
                    Content = JsonContent.Create(new { agendaItemId = theme, text }),
                };
                request.Headers.Add("Idempotency-Key", key);
                try
                {
                    using var answer = await front.SendAsync(request, CancellationToken.None);
                    if (answer.StatusCode == HttpStatusCode.Created)
                    {
                        var entry = await answer.Content.ReadFromJsonAsync<JsonElement>();
                        Acknowledged.Add(
                            (meeting, entry.GetProperty("opinion").GetProperty("id").GetString()!, text, Now)
                        );
                        break;
                    }
                    var problem = await answer.Content.ReadAsStringAsync();
                    var code = problem.StartsWith('{')
                        ? JsonDocument.Parse(problem).RootElement.TryGetProperty("code", out var c)
                            ? c.GetString()
                            : null
                        : problem[..Math.Min(problem.Length, 200)];
                    Refused.Add((meeting, answer.StatusCode, code, answer.Headers.RetryAfter is not null, Now));
                    if (answer.StatusCode != HttpStatusCode.ServiceUnavailable)
                        return;
                }
                catch (HttpRequestException e)
                {
                    Lost.Add((e.Message, Now));
                }
                // The page waits less than Retry-After's whole second, so that the gap is measured finely.
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private async Task FollowAsync(string meeting, int follower, CancellationToken stop)
    {
        var seen = Followed.GetOrAdd((meeting, follower), _ => new ConcurrentDictionary<string, int>());
        string? lastId = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(
                    HttpMethod.Get,
                    $"/aomori/api/meetings/{meeting}/record/events"
                );
                if (lastId is not null)
                    request.Headers.Add("Last-Event-ID", lastId);
                using var answer = await front.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    await Task.Delay(200, stop);
                    continue;
                }
                using var reader = new StreamReader(await answer.Content.ReadAsStreamAsync(stop));
                // An event counts, and its id becomes the one to resume from, only once it is complete (the blank
                // line), as EventSource does: a connection cut in the middle of one gets it again.
                string? id = null,
                    eventName = null,
                    data = null;
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (line.StartsWith("id: ", StringComparison.Ordinal))
                        id = line[4..];
                    else if (line.StartsWith("event: ", StringComparison.Ordinal))
                        eventName = line[7..];
                    else if (line.StartsWith("data: ", StringComparison.Ordinal))
                        data = line[6..];
                    else if (line.Length == 0)
                    {
                        if (eventName == "entry" && data is not null)
                        {
                            var entry = JsonDocument.Parse(data).RootElement;
                            if (entry.TryGetProperty("opinion", out var o) && o.ValueKind == JsonValueKind.Object)
                                seen.AddOrUpdate(o.GetProperty("id").GetString()!, 1, (_, n) => n + 1);
                        }
                        lastId = id ?? lastId;
                        (id, eventName, data) = (null, null, null);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !stop.IsCancellationRequested)
            {
                // The host serving the stream is gone: reconnect, as EventSource does.
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(200, CancellationToken.None);
        }
    }

    /// <summary>Each meeting's opinions as stored, read through the front: (id, text).</summary>
    public async Task<List<(string Meeting, string Id, string Text)>> StoredAsync()
    {
        var stored = new List<(string, string, string)>();
        foreach (var (meeting, _) in meetings)
        {
            var record = await front.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{meeting}/record");
            foreach (var o in record.GetProperty("record").GetProperty("opinions").EnumerateArray())
                stored.Add((meeting, o.GetProperty("id").GetString()!, o.GetProperty("text").GetString()!));
        }
        return stored;
    }
}
