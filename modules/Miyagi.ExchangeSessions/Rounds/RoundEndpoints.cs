using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Abstractions.Pages;

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
        tenant = tenant.MapGroup("").RequirePermissions(ExchangePermissions.View, ExchangePermissions.Import);
        tenant.MapPost("/api/imports/exchange-summary", ImportAsync).WithTags("Miyagi.ExchangeSessions")
            .WithMetadata(new RequestBodyLimit(MaxDocumentBytes));
        var api = tenant.MapGroup("/api/exchange-rounds").WithTags("Miyagi.ExchangeSessions");
        api.MapGet("/", async (ITenantContext t, RoundStore rounds, CancellationToken cancellationToken) =>
            (await rounds.ListAsync(t.Tenant.Id, cancellationToken)).Select(r => new { id = r.Id, title = r.Title, fiscalYear = r.FiscalYear }));
        api.MapGet("/{roundId}", (ITenantContext t, string roundId, RoundStore rounds, CancellationToken cancellationToken) =>
            rounds.GetAsync(t.Tenant.Id, roundId, cancellationToken));
        api.MapGet("/{roundId}/summary", SummaryAsync);
        api.MapGet("/{roundId}/themes", async (ITenantContext t, string roundId, RoundStore rounds, CancellationToken cancellationToken) =>
            Compare(await rounds.GetAsync(t.Tenant.Id, roundId, cancellationToken)).Select(theme => new
            {
                theme = theme.Theme, regions = theme.Regions.Select(r => new { region = r.Region, opinions = r.Opinions }),
            }));
        tenant.MapGet("/api/exchange-speakers", (ITenantContext t, RoundStore rounds, CancellationToken cancellationToken) =>
            SpeakersAsync(t.Tenant.Id, rounds, cancellationToken)).WithTags("Miyagi.ExchangeSessions");

        tenant.MapGet("/exchange-sessions", async (ITenantContext t, RoundStore rounds, CancellationToken cancellationToken) =>
            PageResult.For<RoundsPage, RoundsModel>(new RoundsModel(t.Tenant, await rounds.ListAsync(t.Tenant.Id, cancellationToken))))
            .ExcludeFromDescription();
        tenant.MapGet("/exchange-sessions/import", (ITenantContext t) => PageResult.For<ImportPage, ImportModel>(new ImportModel(t.Tenant)))
            .ExcludeFromDescription();
        tenant.MapGet("/exchange-sessions/speakers", async (ITenantContext t, RoundStore rounds, CancellationToken cancellationToken) =>
            PageResult.For<SpeakersPage, SpeakersModel>(new SpeakersModel(t.Tenant, await SpeakersAsync(t.Tenant.Id, rounds, cancellationToken))))
            .ExcludeFromDescription();
        tenant.MapGet("/exchange-sessions/{roundId}", async (ITenantContext t, string roundId, RoundStore rounds, CancellationToken cancellationToken) =>
        {
            var round = await rounds.GetAsync(t.Tenant.Id, roundId, cancellationToken);
            return PageResult.For<RoundPage, RoundModel>(new RoundModel(t.Tenant, round, Compare(round)));
        }).ExcludeFromDescription();
    }

    private static async Task<IResult> SummaryAsync(ITenantContext t, string roundId, string? format, RoundStore rounds, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(t.Tenant.Id, roundId, cancellationToken);
        return (format ?? "html").ToLowerInvariant() switch
        {
            "txt" => Results.Text(ExchangeSummaryWriter.Text(RoundStore.Document(round)), "text/plain; charset=utf-8"),
            "md" => Results.Text(ExchangeSummaryWriter.Markdown(RoundStore.Document(round)), "text/markdown; charset=utf-8"),
            "html" => PageResult.For<RoundSummaryPage, RoundSummaryModel>(new RoundSummaryModel(t.Tenant, round)),
            _ => throw new ValidationErrors().Add("format", "exchange_summary.unknown_format", "形式は html・md・txt のいずれかを指定してください。").ToException(),
        };
    }

    /// <summary>A 概要 is some tens of kilobytes; this leaves room for a long one in Japanese (three bytes a character).</summary>
    public const long MaxDocumentBytes = 4 * 1024 * 1024;

    private static async Task<IResult> ImportAsync(HttpContext http, ITenantContext t, bool? preview, bool? replace, ExchangeImporter importer,
        ImportGate gate)
    {
        var accountId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new PlatformException(401, "auth.required", "サインインが必要です。");
        using var _ = gate.Enter(accountId);
        var request = await ReadAsync(http);
        var tenant = t.Tenant;
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

    private static async Task<IReadOnlyList<SpeakerRemarks>> SpeakersAsync(string tenantId, RoundStore rounds, CancellationToken cancellationToken)
    {
        var remarks = new List<(Participant Speaker, SpeakerRemark Remark)>();
        foreach (var (id, _, _) in await rounds.ListAsync(tenantId, cancellationToken))
        {
            var round = await rounds.GetAsync(tenantId, id, cancellationToken);
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
