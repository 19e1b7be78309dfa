using System.Text;
using Miyagi.ExchangeSessions.Summaries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Core.Accounts;
using Platform.Core.Tenancy;
using Platform.Abstractions.Organisations;

namespace Miyagi.ExchangeSessions.Rounds;

public sealed record ImportRequest(string? Text, bool? Replace = null, bool? Preview = null);

/// <summary>A theme of a round with every region's opinions side by side.</summary>
public sealed record ThemeComparison(string Theme, IReadOnlyList<(string Region, IReadOnlyList<string> Opinions)> Regions);

/// <summary>Everything one person said across the tenant's sessions.</summary>
public sealed record SpeakerRemarks(string Name, string Organisation, IReadOnlyList<SpeakerRemark> Remarks);

public sealed record SpeakerRemark(string RoundTitle, string Region, DateOnly Date, string Header, bool Review, IReadOnlyList<string> Texts);

public static class RoundEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant.MapPost("/api/imports/exchange-summary", ImportAsync).WithTags("Miyagi.ExchangeSessions")
            .WithMetadata(new RequestBodyLimit(MaxDocumentBytes));
        var api = tenant.MapGroup("/api/exchange-rounds").WithTags("Miyagi.ExchangeSessions");
        api.MapGet("/", async (HttpContext http, RoundStore rounds) =>
            (await rounds.ListAsync(http.Tenant().Id, http.RequestAborted)).Select(r => new { id = r.Id, title = r.Title, fiscalYear = r.FiscalYear }));
        api.MapGet("/{roundId}", (HttpContext http, string roundId, RoundStore rounds) => rounds.GetAsync(http, roundId));
        api.MapGet("/{roundId}/summary", async (HttpContext http, string roundId, string? format, RoundStore rounds) =>
        {
            var round = await rounds.GetAsync(http, roundId);
            return (format ?? "html").ToLowerInvariant() switch
            {
                "txt" => Results.Text(ExchangeSummaryWriter.Text(RoundStore.Document(round)), "text/plain; charset=utf-8"),
                "md" => Results.Text(ExchangeSummaryWriter.Markdown(RoundStore.Document(round)), "text/markdown; charset=utf-8"),
                "html" => new RazorComponentResult<RoundSummaryPage>(new { Tenant = http.Tenant(), Round = round }),
                _ => throw new ValidationErrors().Add("format", "exchange_summary.unknown_format", "形式は html・md・txt のいずれかを指定してください。").ToException(),
            };
        });
        api.MapGet("/{roundId}/themes", async (HttpContext http, string roundId, RoundStore rounds) =>
            Compare(await rounds.GetAsync(http, roundId)).Select(t => new
            {
                theme = t.Theme, regions = t.Regions.Select(r => new { region = r.Region, opinions = r.Opinions }),
            }));
        tenant.MapGet("/api/exchange-speakers", async (HttpContext http, RoundStore rounds) =>
            await SpeakersAsync(http, rounds)).WithTags("Miyagi.ExchangeSessions");

        tenant.MapGet("/exchange-sessions", async (HttpContext http, RoundStore rounds) =>
            new RazorComponentResult<RoundsPage>(new { Tenant = http.Tenant(), Rounds = await rounds.ListAsync(http.Tenant().Id, http.RequestAborted) }))
            .ExcludeFromDescription();
        tenant.MapGet("/exchange-sessions/import", (HttpContext http) => new RazorComponentResult<ImportPage>(new { Tenant = http.Tenant() }))
            .ExcludeFromDescription();
        tenant.MapGet("/exchange-sessions/speakers", async (HttpContext http, RoundStore rounds) =>
            new RazorComponentResult<SpeakersPage>(new { Tenant = http.Tenant(), Speakers = await SpeakersAsync(http, rounds) })).ExcludeFromDescription();
        tenant.MapGet("/exchange-sessions/{roundId}", async (HttpContext http, string roundId, RoundStore rounds) =>
        {
            var round = await rounds.GetAsync(http, roundId);
            return new RazorComponentResult<RoundPage>(new { Tenant = http.Tenant(), Round = round, Themes = Compare(round) });
        }).ExcludeFromDescription();
    }

    /// <summary>A 概要 is some tens of kilobytes; this leaves room for a long one in Japanese (three bytes a character).</summary>
    public const long MaxDocumentBytes = 4 * 1024 * 1024;

    private static async Task<IResult> ImportAsync(HttpContext http, bool? preview, bool? replace, ExchangeImporter importer, ImportGate gate)
    {
        using var _ = gate.Enter(http.RequiredAccount().Id);
        var request = await ReadAsync(http);
        var tenant = http.Tenant();
        if (preview == true || request.Preview == true)
        {
            var (document, warnings) = await importer.PreviewAsync(tenant.Id, request.Text ?? "", http.RequestAborted);
            return Results.Ok(new { document, warnings });
        }
        var result = await importer.ImportAsync(tenant, request.Text ?? "", replace == true || request.Replace == true, http.RequestAborted);
        return Results.Created($"/{tenant.Id}/api/exchange-rounds/{result.RoundId}", result);
    }

    /// <summary>The 概要 as the body itself (text/plain, UTF-8) or as <c>{"text": …}</c>.</summary>
    private static async Task<ImportRequest> ReadAsync(HttpContext http)
    {
        if (http.Request.HasJsonContentType())
            return await http.Request.ReadFromJsonAsync<ImportRequest>(http.RequestAborted) ?? new ImportRequest(null);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        try
        {
            return new ImportRequest(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()));
        }
        catch (DecoderFallbackException)
        {
            throw new PlatformException(400, "import.binary", "UTF-8のテキストとして読めません。",
                "PDFやWordのファイルそのもの、またはShift_JISのテキストのようです。概要の本文をUTF-8のテキストとして送ってください。");
        }
    }

    public static IReadOnlyList<ThemeComparison> Compare(RoundView round) =>
        round.Themes.Select(theme => new ThemeComparison(theme, round.Sessions
            .Select(s => (s.Region, (IReadOnlyList<string>)(s.Document.Themes.FirstOrDefault(t => t.Title == theme)?.Opinions ?? [])))
            .ToList())).ToList();

    private static async Task<IReadOnlyList<SpeakerRemarks>> SpeakersAsync(HttpContext http, RoundStore rounds)
    {
        var remarks = new List<(Participant Speaker, SpeakerRemark Remark)>();
        foreach (var (id, _, _) in await rounds.ListAsync(http.Tenant().Id, http.RequestAborted))
        {
            var round = await rounds.GetAsync(http, id);
            foreach (var s in round.Sessions)
                // A block without a header is one whose speaker is withheld: it is nobody's remark here.
                foreach (var (block, review) in s.Document.Comments.Select(c => (c, false)).Concat(s.Document.Reviews.Select(r => (r, true))).Where(b => b.Item1.Header != ""))
                    remarks.Add((block.Speaker ?? new Participant(ParticipantKind.Other, "", null, block.Header),
                        new SpeakerRemark(round.Title, s.Region, s.Document.Date, block.Header, review, block.Texts)));
        }
        return remarks.GroupBy(r => NameMatching.Fold(r.Speaker.Name))
            .Select(g => new SpeakerRemarks(g.First().Speaker.Name, g.First().Speaker.Organisation, g.Select(r => r.Remark).OrderBy(r => r.Date).ToList()))
            .OrderByDescending(s => s.Remarks.Count).ToList();
    }
}
