using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using FsCheck.Xunit;
using Platform.Core.Storage;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>
/// Clumsy and hostile input through the host: digits of other scripts and numbers too large are field errors or import
/// warnings, never 500; the same 概要 with invisible differences is a duplicate; a megabyte of any shape is answered.
/// </summary>
public abstract class HostileInputTests(DatabaseProvider provider, ITestOutputHelper output) : PlatformTest(provider)
{
    private const string Import = "/miyagi/api/imports/exchange-summary";

    private Task<HttpResponseMessage> PostTextAsync(string text, string query = "") =>
        Client.PostAsync(Import + query, new StringContent(text, Encoding.UTF8, "text/plain"));

    private static async Task<string?> FieldCodeAsync(HttpResponseMessage answer, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("fieldCodes").TryGetProperty(field, out var code)
            ? code.GetString()
            : problem.GetRawText();
    }

    [Fact]
    public async Task A_round_imported_before_the_normal_form_is_found_by_its_text_and_then_by_its_normal_form()
    {
        // The demo import as the importer hashed it before: CRLF as LF, trimmed, trailing spaces kept (the seed has
        // some).
        var legacy = Convert.ToHexStringLower(
            SHA256.HashData(Encoding.UTF8.GetBytes(SeedDocument.Text.Replace("\r\n", "\n").Trim()))
        );
        await using (var connection = await Database.Open().OpenAsync(CancellationToken.None))
            Assert.Equal(
                1,
                await connection.ExecuteAsync(
                    "UPDATE exchange_rounds SET source_hash = @legacy WHERE tenant_id = 'miyagi'",
                    new { legacy }
                )
            );
        Assert.Equal("import.duplicate", await (await PostTextAsync(SeedDocument.Text)).ProblemCodeAsync());
        Assert.Equal("import.duplicate", await (await PostTextAsync("\uFEFF" + SeedDocument.Text)).ProblemCodeAsync());
    }

    [Theory]
    [InlineData("気仙沼市(19)", "気仙沼市(99999999999)", "import.count_too_large")]
    [InlineData("気仙沼市(19)", "気仙沼市(٣٤)", "import.digits")]
    public async Task A_count_in_other_digits_or_too_large_is_imported_with_a_warning(
        string from,
        string to,
        string code
    )
    {
        var answer = await PostTextAsync(SeedDocument.Text.Replace(from, to));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var warnings = (await answer.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("warnings")
            .EnumerateArray()
            .Select(w => w.GetProperty("code").GetString());
        Assert.Contains(code, warnings);
    }

    [Fact]
    public async Task Dates_and_times_in_other_digits_are_field_errors_on_every_write_route_and_the_meeting_filter()
    {
        const string date = "令和元年١١月١٩日";
        const string body = "aomori-shinjo-support";
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync("/aomori/api/meetings", new { bodyId = body, date }),
                "date"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync(
                    "/aomori/api/meetings",
                    new
                    {
                        bodyId = body,
                        date = "2019-11-19",
                        slots = new[] { new { start = "١٠:٠٠", end = "12:00" } },
                    }
                ),
                "slots[0]"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync(
                    "/aomori/api/meetings",
                    new
                    {
                        bodyId = body,
                        date = "2019-11-19",
                        nextMeetingDate = date,
                    }
                ),
                "nextMeetingDate"
            )
        );
        Assert.Equal(
            "validation.too_large",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync(
                    "/aomori/api/meetings",
                    new
                    {
                        bodyId = body,
                        date = "2019-11-19",
                        attendance = new
                        {
                            counts = new[]
                            {
                                new { name = "気仙沼市", count = 2_000_000_000 },
                                new { name = "登米市", count = 2_000_000_000 },
                            },
                        },
                    }
                ),
                "attendance.counts[0]"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.GetAsync($"/aomori/api/meetings?from={Uri.EscapeDataString(date)}"),
                "from"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.GetAsync($"/aomori/api/meetings?to={Uri.EscapeDataString("٢٠١٩-١١-١٩")}"),
                "to"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync(
                    "/aomori/api/people",
                    new { name = "佐藤 花子", roles = new[] { new { role = "advisor", since = date } } }
                ),
                "roles[0].since"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync(
                    "/aomori/api/resources",
                    new
                    {
                        name = "サロン",
                        categoryId = "salon",
                        lastConfirmed = date,
                    }
                ),
                "lastConfirmed"
            )
        );
        Assert.Equal(
            "validation.digits",
            await FieldCodeAsync(
                await Client.PostAsJsonAsync(
                    "/aomori/api/meetings/aomori-shinjo-network-h30/actions",
                    new { title = "回覧板", dueDate = date }
                ),
                "dueDate"
            )
        );
    }

    [Fact]
    public async Task A_megabyte_of_any_shape_is_answered_imported_or_refused()
    {
        foreach (var shape in ParserLinearityTests.ShapeNames)
        foreach (var query in new[] { "?preview=true", "" })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var answer = await PostTextAsync(ParserLinearityTests.Document(shape, 1024 * 1024), query);
            output.WriteLine(
                $"{shape}{query}: {(int)answer.StatusCode} {await CodeOrNothingAsync(answer)} in {watch.ElapsedMilliseconds} ms"
            );
            Assert.InRange((int)answer.StatusCode, 200, 499);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{shape}{query} took {watch.Elapsed}");
        }
    }

    [Property(Arbitrary = new[] { typeof(SummaryMutations) }, MaxTest = 100, Replay = "(20261201,2654435761)")]
    public void A_mutated_summary_is_never_answered_5xx_by_preview_or_import(MutatedSummary summary)
    {
        foreach (var query in new[] { "?preview=true", "" })
        {
            using var answer = PostTextAsync(summary.Text, query).GetAwaiter().GetResult();
            Assert.True(
                (int)answer.StatusCode < 500,
                $"{query}: {(int)answer.StatusCode} {answer.Content.ReadAsStringAsync().GetAwaiter().GetResult()}"
            );
        }
    }

    /// <summary>The problem's code, or nothing for a success.</summary>
    private static async Task<string> CodeOrNothingAsync(HttpResponseMessage answer) =>
        (int)answer.StatusCode >= 400 ? await answer.ProblemCodeAsync() ?? "" : "";
}

public sealed class HostileInputOnSqliteTests(ITestOutputHelper output)
    : HostileInputTests(DatabaseProvider.Sqlite, output);

[RunsLong(60)]
public sealed class HostileInputOnPostgresTests(ITestOutputHelper output)
    : HostileInputTests(DatabaseProvider.Postgres, output);

/// <summary>
/// The 概要s that are refused or found to be duplicates, which write nothing: on one host per class and database.
/// </summary>
public abstract class HostileImportRefusalTests(SharedPlatform shared, DatabaseProvider provider)
    : SharedPlatformTest(shared, provider)
{
    private const string Import = "/miyagi/api/imports/exchange-summary";

    private Task<HttpResponseMessage> PostTextAsync(string text, string query = "") =>
        Client.PostAsync(Import + query, new StringContent(text, Encoding.UTF8, "text/plain"));

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\u200B")]
    [InlineData("crlf")]
    [InlineData("trailing")]
    public async Task The_same_summary_with_invisible_differences_is_a_duplicate(string variant)
    {
        var text = variant switch
        {
            "crlf" => SeedDocument.Text.Replace("\n", "\r\n"),
            "trailing" => SeedDocument.Text.Replace("\n", " \t　\n"),
            _ => variant + SeedDocument.Text,
        };
        var again = await PostTextAsync(text);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("import.duplicate", await again.ProblemCodeAsync());
    }

    [Theory]
    [InlineData("１０：００～１２：００，", "١٠:٠٠～１２：００，")]
    [InlineData("令和元年１１月１９日", "令和元年١١月١٩日")]
    public async Task A_date_or_time_in_other_digits_is_refused_with_a_reason_and_previewed_with_a_warning(
        string from,
        string to
    )
    {
        var text = SeedDocument.Text.Replace(from, to);
        var refused = await PostTextAsync(text);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("import.no_date", await refused.ProblemCodeAsync());
        var preview = await PostTextAsync(text, "?preview=true");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(
            "import.digits",
            (await preview.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("warnings")
                .EnumerateArray()
                .Select(w => w.GetProperty("code").GetString())
        );
    }
}

public sealed class HostileImportRefusalOnSqliteTests(SharedPlatform shared)
    : HostileImportRefusalTests(shared, DatabaseProvider.Sqlite);

public sealed class HostileImportRefusalOnPostgresTests(SharedPlatform shared)
    : HostileImportRefusalTests(shared, DatabaseProvider.Postgres);
