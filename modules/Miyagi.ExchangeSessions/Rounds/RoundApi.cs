using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Documents;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>A 概要 to import, as JSON; it may also come as the request body itself (text/plain).</summary>
public sealed record ImportRequest(string? Text, bool? Replace = null, bool? Preview = null);

/// <summary>A round in the list of rounds.</summary>
public sealed record RoundItem(string Id, string Title, int FiscalYear);

/// <summary>What one region said on a theme.</summary>
public sealed record RegionOpinions(string Region, IReadOnlyList<string> Opinions);

/// <summary>A theme of a round with every region's opinions side by side.</summary>
public sealed record ThemeComparison(string Theme, IReadOnlyList<RegionOpinions> Regions);

/// <summary>Everything one person said across the tenant's sessions.</summary>
public sealed record SpeakerRemarks(string Name, string Organisation, IReadOnlyList<SpeakerRemark> Remarks)
{
    /// <summary>The person of the tenant they are (a member of the liaison council), if the import linked
    /// them.</summary>
    public string? PersonId { get; init; }
}

public sealed record SpeakerRemark(
    string RoundTitle,
    string Region,
    DateOnly Date,
    string Header,
    bool Review,
    IReadOnlyList<string> Texts
);

/// <summary>
/// The 概要 importer and the rounds it made: <c>/api/imports/exchange-summary</c>, <c>/api/exchange-rounds</c>.
/// </summary>
public static class RoundApi
{
    public const string Tag = "Miyagi.ExchangeSessions";

    /// <summary>
    /// A 概要 is some tens of kilobytes; this leaves room for a long one in Japanese (three bytes a character).
    /// </summary>
    public const long MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>
    /// An uploaded file's limit: a PDF that a prefecture publishes carries its fonts and is some megabytes.
    /// </summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static void MapRoundApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api")
            .WithTags(Tag)
            .RequirePermissions(ExchangePermissions.View, ExchangePermissions.Import);
        // The handler reads the body itself, as JSON, as plain text of any type, or as a form with a file (.txt, .docx,
        // .pdf): the document says each. The route takes a file and its form; a text body keeps its own limit.
        api.MapPost("/imports/exchange-summary", ImportSummary)
            .WithMetadata(new RequestBodyLimit(MaxFileBytes + 64 * 1024))
            .Accepts<ImportRequest>("application/json", "text/plain", "multipart/form-data", "*/*")
            .Describe("importExchangeSummary", "情報交換会の概要を取り込む", "Import an exchange-session summary")
            .Refuses(
                400,
                "import.binary",
                "import.empty",
                "import.not_a_summary",
                "import.no_date",
                "import.too_large",
                "import.unsupported_type",
                "import.docx_invalid",
                "import.pdf_invalid",
                "import.pdf_encrypted",
                "import.pdf_no_text"
            )
            .Refuses(409, "import.duplicate")
            .Refuses(413, "request.too_large")
            .Refuses(429, "import.busy");
        api.MapGet("/exchange-rounds/", ListRounds)
            .Describe("listExchangeRounds", "情報交換会の回の一覧", "List exchange-session rounds");
        api.MapGet("/exchange-rounds/{roundId}", GetRound)
            .Describe("getExchangeRound", "情報交換会の回", "Get an exchange-session round")
            .Refuses(404, "exchange_round.not_found");
        api.MapGet("/exchange-rounds/{roundId}/summary", GetRoundSummary)
            .Describe(
                "getExchangeRoundSummary",
                "情報交換会の概要（HTML・Markdown・テキスト・Word）",
                "A round's summary as HTML, Markdown, text or Word"
            )
            .Produces<Stream>(
                StatusCodes.Status200OK,
                "text/html",
                "text/markdown",
                "text/plain",
                WordDocument.ContentType
            )
            .Refuses(400, "exchange_summary.unknown_format")
            .Refuses(404, "exchange_round.not_found");
        api.MapGet("/exchange-rounds/{roundId}/themes", GetRoundThemes)
            .Describe("getExchangeRoundThemes", "テーマごとの地域の意見", "A round's themes compared across regions")
            .Refuses(404, "exchange_round.not_found");
        api.MapGet("/exchange-speakers", ListSpeakers)
            .Describe("listExchangeSpeakers", "アドバイザー・会員ごとの発言", "Remarks by speaker");
    }

    /// <summary>Reads the raw body (JSON or text) and the account: so it takes the request itself.</summary>
    public static async Task<Results<Ok<ParseResult>, Created<ImportResult>>> ImportSummary(
        HttpContext http,
        ITenantContext tenant,
        bool? preview,
        bool? replace,
        ExchangeImporter importer,
        ImportGate gate,
        IDocumentText documents
    )
    {
        var accountId =
            http.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new PlatformException(401, "auth.required", "サインインが必要です。");
        using var _ = gate.Enter(accountId);
        var request = await ReadAsync(http, documents);
        var tenantId = tenant.Tenant.Id;
        if (preview == true || request.Preview == true)
            return TypedResults.Ok(await importer.PreviewAsync(tenantId, request.Text ?? "", http.RequestAborted));
        var result = await importer.ImportAsync(
            tenant.Tenant,
            request.Text ?? "",
            replace == true || request.Replace == true,
            http.RequestAborted
        );
        return TypedResults.Created($"/{tenantId}/api/exchange-rounds/{result.RoundId}", result);
    }

    public static async Task<Ok<IReadOnlyList<RoundItem>>> ListRounds(
        ITenantContext tenant,
        RoundStore rounds,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await rounds.ListAsync(tenant.Tenant.Id, cancellationToken));

    public static async Task<Ok<RoundView>> GetRound(
        ITenantContext tenant,
        string roundId,
        RoundStore rounds,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await rounds.GetAsync(tenant.Tenant.Id, roundId, cancellationToken));

    public static async Task<
        Results<ContentHttpResult, FileContentHttpResult, RazorComponentResult<RoundSummaryPage>, ProblemHttpResult>
    > GetRoundSummary(
        ITenantContext tenant,
        string roundId,
        string? format,
        RoundStore rounds,
        CancellationToken cancellationToken
    )
    {
        var round = await rounds.GetAsync(tenant.Tenant.Id, roundId, cancellationToken);
        return (format ?? "html").ToLowerInvariant() switch
        {
            "txt" => TypedResults.Text(
                ExchangeSummaryWriter.Text(RoundStore.Document(round)),
                "text/plain; charset=utf-8"
            ),
            "md" => TypedResults.Text(
                ExchangeSummaryWriter.Markdown(RoundStore.Document(round)),
                "text/markdown; charset=utf-8"
            ),
            "docx" => TypedResults.File(
                ExchangeSummaryWriter.Word(round.Title, round.Sessions.Select(x => x.Document)),
                WordDocument.ContentType,
                $"概要_{round.Title}.docx"
            ),
            "html" => PageResult.For<RoundSummaryPage, RoundSummaryModel>(new RoundSummaryModel(tenant.Tenant, round)),
            _ => new ValidationErrors()
                .Add(
                    "format",
                    "exchange_summary.unknown_format",
                    "形式は html・md・txt・docx のいずれかを指定してください。"
                )
                .ToProblem(),
        };
    }

    public static async Task<Ok<IReadOnlyList<ThemeComparison>>> GetRoundThemes(
        ITenantContext tenant,
        string roundId,
        RoundStore rounds,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(Compare(await rounds.GetAsync(tenant.Tenant.Id, roundId, cancellationToken)));

    public static async Task<Ok<IReadOnlyList<SpeakerRemarks>>> ListSpeakers(
        ITenantContext tenant,
        RoundStore rounds,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await SpeakersAsync(tenant.Tenant.Id, rounds, cancellationToken));

    /// <summary>
    /// The 概要 as the body itself (text/plain, UTF-8), as <c>{"text": …}</c>, or as a form (multipart/form-data) with
    /// a <c>file</c> (read by <see cref="IDocumentText"/>) or a <c>text</c>, and <c>preview</c>/<c>replace</c>.
    /// </summary>
    private static async Task<ImportRequest> ReadAsync(HttpContext http, IDocumentText documents)
    {
        if (http.Request.HasFormContentType)
            return await ReadFormAsync(http, documents);
        if (http.Request.ContentLength > MaxDocumentBytes)
            throw TextTooLarge();
        if (http.Request.HasJsonContentType())
            return await http.Request.ReadFromJsonAsync<ImportRequest>(http.RequestAborted) ?? new ImportRequest(null);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length > MaxDocumentBytes)
            throw TextTooLarge();
        try
        {
            return new ImportRequest(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()));
        }
        catch (DecoderFallbackException)
        {
            throw new PlatformException(
                400,
                "import.binary",
                "UTF-8のテキストとして読めません。",
                "PDFやWordのファイルそのもの、またはShift_JISのテキストのようです。"
                    + "概要の本文をUTF-8のテキストとして送るか、ファイルとして（multipart/form-data の file で）送ってください。"
            );
        }
    }

    /// <summary>The form of the API and of the import page: a <c>file</c>, else a <c>text</c>.</summary>
    internal static async Task<ImportRequest> ReadFormAsync(HttpContext http, IDocumentText documents)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        bool? Flag(string name) => form[name].ToString() is "true" or "on" ? true : null;
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return new ImportRequest(form["text"].ToString(), Flag("replace"), Flag("preview"));
        if (file.Length > MaxFileBytes)
            throw new PlatformException(
                400,
                "import.too_large",
                "ファイルが大きすぎます。",
                $"取り込めるファイルは{MaxFileBytes / 1024 / 1024}MBまでです。"
                    + "大きなPDFは、概要の部分だけを保存し直すか、テキストをコピーして貼り付けてください。"
            );
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, http.RequestAborted);
        return new ImportRequest(documents.Read(file.FileName, buffer.ToArray()), Flag("replace"), Flag("preview"));
    }

    // As the host answers any route's body over its limit: the route takes more only for a file.
    private static PlatformException TextTooLarge() =>
        new(
            413,
            "request.too_large",
            "送信された内容が大きすぎます。",
            $"1回に送信できるのは{MaxDocumentBytes / 1024 / 1024}MBまでです。長い文章は分けて入力してください。"
        );

    public static IReadOnlyList<ThemeComparison> Compare(RoundView round) =>
        round
            .Themes.Select(theme => new ThemeComparison(
                theme,
                round
                    .Sessions.Select(s => new RegionOpinions(
                        s.Region,
                        s.Document.Themes.FirstOrDefault(t => t.Title == theme)?.Opinions ?? []
                    ))
                    .ToList()
            ))
            .ToList();

    internal static async Task<IReadOnlyList<SpeakerRemarks>> SpeakersAsync(
        string tenantId,
        RoundStore rounds,
        CancellationToken cancellationToken
    )
    {
        var remarks = new List<(Participant Speaker, string? PersonId, SpeakerRemark Remark)>();
        foreach (var item in await rounds.ListAsync(tenantId, cancellationToken))
        {
            var round = await rounds.GetAsync(tenantId, item.Id, cancellationToken);
            foreach (var s in round.Sessions)
            {
                var blocks = s
                    .Document.Comments.Select(c => (Block: c, Review: false))
                    .Concat(s.Document.Reviews.Select(r => (Block: r, Review: true)));
                // A block without a header is one whose speaker is withheld: it is nobody's remark here.
                foreach (var (block, review) in blocks.Where(b => b.Block.Header != ""))
                    remarks.Add(
                        (
                            block.Speaker ?? new Participant(ParticipantKind.Other, "", null, block.Header),
                            s.PersonOf(block.Speaker),
                            new SpeakerRemark(round.Title, s.Region, s.Document.Date, block.Header, review, block.Texts)
                        )
                    );
            }
        }
        return remarks
            // One person is one person however the sessions wrote them: the person the import linked, else the name.
            .GroupBy(r => r.PersonId ?? "name:" + NameMatching.Fold(r.Speaker.Name))
            .Select(g => new SpeakerRemarks(
                g.First().Speaker.Name,
                g.First().Speaker.Organisation,
                g.Select(r => r.Remark).OrderBy(r => r.Date).ToList()
            )
            {
                PersonId = g.First().PersonId,
            })
            .OrderByDescending(s => s.Remarks.Count)
            .ToList();
    }
}
