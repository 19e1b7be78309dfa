using System.Data.Common;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Core.Privacy;

/// <summary>The basis recorded for one item of personal content, and what happened to it since.</summary>
public sealed record PersonalMark(
    string ItemId,
    string ItemKind,
    string MeetingId,
    PersonalBasis Basis,
    string RecordedAt,
    string? WithdrawnAt,
    string? WithdrawnBy,
    string? ErasedAt
);

/// <summary>A confidentiality pledge (誓約書) for a meeting.</summary>
public sealed record Pledge(string Id, string? AccountId, string SignerName, string PledgedOn, string RecordedBy);

/// <summary>The kinds of item that carry a level, and the table and key each lives in.</summary>
public static class ItemKinds
{
    public const string Opinion = "opinion";
    public const string Comment = "comment";
    public const string Action = "action";
    public const string Handout = "handout";

    public static readonly IReadOnlyDictionary<string, (string Table, string Key)> Tables = new Dictionary<
        string,
        (string, string)
    >
    {
        [Opinion] = ("opinions", "opinion_id"),
        [Comment] = ("comments", "comment_id"),
        [Action] = ("action_items", "action_id"),
        [Handout] = ("handouts", "handout_id"),
    };
}

/// <summary>
/// Bases, withdrawals, pledges and the tenant's retention period: what <see cref="Disclosure"/> consults on every read.
/// </summary>
public sealed class PrivacyStore(Database database)
{
    public const int DefaultRetentionYears = 5;

    private sealed class MarkRow
    {
        public string ItemId { get; init; } = "";
        public string ItemKind { get; init; } = "";
        public string MeetingId { get; init; } = "";
        public string Basis { get; init; } = "";
        public string? ConsentedOn { get; init; }
        public string? ConsentScope { get; init; }
        public string? Ordinance { get; init; }
        public string RecordedAt { get; init; } = "";
        public string? WithdrawnAt { get; init; }
        public string? WithdrawnBy { get; init; }
        public string? ErasedAt { get; init; }

        public PersonalMark ToMark() =>
            new(
                ItemId,
                ItemKind,
                MeetingId,
                new PersonalBasis(Enum.Parse<BasisKind>(Basis), ConsentedOn, ConsentScope, Ordinance),
                RecordedAt,
                WithdrawnAt,
                WithdrawnBy,
                ErasedAt
            );
    }

    private sealed class ItemRow
    {
        public string Kind { get; init; } = "";
        public string MeetingId { get; init; } = "";
        public int Level { get; init; }
    }

    private const string MarkColumns = """
        item_id AS ItemId, item_kind AS ItemKind, meeting_id AS MeetingId, basis AS Basis, consented_on AS ConsentedOn,
        consent_scope AS ConsentScope, ordinance AS Ordinance, recorded_at AS RecordedAt, withdrawn_at AS WithdrawnAt,
        withdrawn_by AS WithdrawnBy, erased_at AS ErasedAt
        """;

    private const string DeleteBasis = """
        DELETE FROM personal_content WHERE tenant_id = @tenantId AND item_id = @itemId AND erased_at IS NULL
        """;

    private const string InsertBasis = """
        INSERT INTO personal_content (tenant_id, item_id, item_kind, meeting_id, basis, consented_on, consent_scope,
            ordinance,
                                      recorded_at, withdrawn_at, withdrawn_by, erased_at)
        VALUES (@tenantId, @itemId, @itemKind, @meetingId, @kind, @ConsentedOn, @Scope, @Ordinance, @now, NULL, NULL,
            NULL)
        """;

    private const string SelectMarksOf = $"""
        SELECT {MarkColumns} FROM personal_content WHERE tenant_id = @tenantId AND
        """;

    private const string SelectMark = $"""
        SELECT {MarkColumns} FROM personal_content WHERE tenant_id = @tenantId AND item_id = @itemId
        """;

    private const string Withdraw = """
        UPDATE personal_content SET withdrawn_at = @now, withdrawn_by = @by
        WHERE tenant_id = @tenantId AND item_id = @itemId AND withdrawn_at IS NULL
        """;

    private const string SelectPledges = """
        SELECT pledge_id AS Id, account_id AS AccountId, signer_name AS SignerName, pledged_on AS PledgedOn,
               recorded_by AS RecordedBy
        FROM confidentiality_pledges WHERE tenant_id = @tenantId AND meeting_id = @meetingId ORDER BY recorded_at
        """;

    private const string InsertPledge = """
        INSERT INTO confidentiality_pledges (tenant_id, pledge_id, meeting_id, account_id, signer_name, pledged_on,
                                            recorded_by, recorded_at)
        VALUES (@tenantId, @Id, @meetingId, @AccountId, @SignerName, @PledgedOn, @RecordedBy, @now)
        """;

    private const string SelectPledgedMeetings = """
        SELECT meeting_id FROM confidentiality_pledges WHERE tenant_id = @tenantId AND account_id = @accountId
        """;

    private const string SelectRetention = """
        SELECT retention_years FROM privacy_settings WHERE tenant_id = @tenantId
        """;

    private const string DeleteRetention = """
        DELETE FROM privacy_settings WHERE tenant_id = @tenantId
        """;

    private const string InsertRetention = """
        INSERT INTO privacy_settings (tenant_id, retention_years) VALUES (@tenantId, @years)
        """;

    /// <summary>Records (or replaces) an item's basis inside the caller's transaction, with the item itself.</summary>
    public static async Task SaveBasisAsync(
        DbConnection connection,
        DbTransaction transaction,
        string tenantId,
        string itemKind,
        string itemId,
        string meetingId,
        PersonalBasis basis
    )
    {
        await connection.ExecuteAsync(DeleteBasis, new { tenantId, itemId }, transaction);
        await connection.ExecuteAsync(
            InsertBasis,
            new
            {
                tenantId,
                itemId,
                itemKind,
                meetingId,
                kind = basis.Kind.ToString(),
                basis.ConsentedOn,
                basis.Scope,
                basis.Ordinance,
                now = Clock.Now(),
            },
            transaction
        );
    }

    /// <summary>The marks of every item of the meetings, by item id.</summary>
    public async Task<IReadOnlyDictionary<string, PersonalMark>> MarksAsync(
        string tenantId,
        IEnumerable<string> meetingIds,
        CancellationToken cancellationToken = default
    )
    {
        var ids = meetingIds.Distinct().ToArray();
        if (ids.Length == 0)
            return new Dictionary<string, PersonalMark>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MarkRow>(
            $"{SelectMarksOf} {database.Dialect.InList("meeting_id", "ids")}",
            new { tenantId, ids }
        );
        return rows.ToDictionary(r => r.ItemId, r => r.ToMark());
    }

    public async Task<PersonalMark?> FindMarkAsync(
        string tenantId,
        string itemId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<MarkRow>(SelectMark, new { tenantId, itemId }))?.ToMark();
    }

    /// <summary>The item's level, kind and meeting, or null when the tenant has no such item.</summary>
    public async Task<(string Kind, string MeetingId, Sensitivity Level)?> FindItemAsync(
        string tenantId,
        string itemId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<ItemRow>(FindItemSql, new { tenantId, itemId });
        return row is null ? null : (row.Kind, row.MeetingId, (Sensitivity)row.Level);
    }

    // Item ids are unique across the four kinds: one query asks all their tables.
    private static readonly string FindItemSql = string.Join(
        " UNION ALL ",
        ItemKinds.Tables.Select(t =>
            $"SELECT '{t.Key}' AS Kind, meeting_id AS MeetingId, sensitivity AS Level FROM {t.Value.Table} WHERE tenant_id = @tenantId AND {t.Value.Key} = @itemId"
        )
    );

    /// <summary>Changes an item's level, and its basis with it, in one transaction.</summary>
    public Task SetLevelAsync(
        string tenantId,
        string kind,
        string itemId,
        string meetingId,
        Sensitivity level,
        PersonalBasis? basis,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var (table, key) = ItemKinds.Tables[kind];
                await connection.ExecuteAsync(
                    $"UPDATE {table} SET sensitivity = @level WHERE tenant_id = @tenantId AND {key} = @itemId",
                    new
                    {
                        tenantId,
                        itemId,
                        level = (int)level,
                    },
                    transaction
                );
                if (basis is not null)
                    await SaveBasisAsync(connection, transaction, tenantId, kind, itemId, meetingId, basis);
                return 0;
            },
            cancellationToken
        );

    /// <summary>
    /// Marks the consent for an item of the meeting withdrawn: from this moment no output shows the item. Withdrawing
    /// twice keeps the first date.
    /// </summary>
    public async Task<PersonalMark> WithdrawAsync(
        string tenantId,
        string meetingId,
        string itemId,
        string by,
        CancellationToken cancellationToken = default
    )
    {
        if (await FindMarkAsync(tenantId, itemId, cancellationToken) is not { } mark || mark.MeetingId != meetingId)
            throw PlatformException.NotFound("privacy.no_basis", "同意の記録");
        if (mark.Basis.Kind != BasisKind.Consent)
            throw new PlatformException(
                409,
                "privacy.not_consent",
                "本人同意に基づく記録ではありません。",
                "条例等の例外に基づく記録は、同意の撤回ではなく公開区分の変更や削除で扱ってください。"
            );
        if (mark.WithdrawnAt is not null)
            return mark;
        var now = Clock.Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            Withdraw,
            new
            {
                tenantId,
                itemId,
                now,
                by,
            }
        );
        return mark with { WithdrawnAt = now, WithdrawnBy = by };
    }

    public async Task<IReadOnlyList<Pledge>> PledgesAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken = default
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Pledge>(SelectPledges, new { tenantId, meetingId })).ToList();
    }

    public async Task<Pledge> AddPledgeAsync(
        string tenantId,
        string meetingId,
        string? accountId,
        string signerName,
        DateOnly pledgedOn,
        string recordedBy,
        CancellationToken cancellationToken = default
    )
    {
        var pledge = new Pledge(Ids.New(), accountId, signerName, Clock.Iso(pledgedOn), recordedBy);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            InsertPledge,
            new
            {
                tenantId,
                meetingId,
                pledge.Id,
                pledge.AccountId,
                pledge.SignerName,
                pledge.PledgedOn,
                pledge.RecordedBy,
                now = Clock.Now(),
            }
        );
        return pledge;
    }

    /// <summary>The meetings for which the account has pledged confidentiality.</summary>
    public async Task<IReadOnlySet<string>> PledgedMeetingsAsync(
        string tenantId,
        string? accountId,
        CancellationToken cancellationToken = default
    )
    {
        if (accountId is null)
            return new HashSet<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(SelectPledgedMeetings, new { tenantId, accountId })).ToHashSet();
    }

    public async Task<int> RetentionYearsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(SelectRetention, new { tenantId })
            ?? DefaultRetentionYears;
    }

    public Task SetRetentionYearsAsync(string tenantId, int years, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(DeleteRetention, new { tenantId }, transaction);
                return await connection.ExecuteAsync(InsertRetention, new { tenantId, years }, transaction);
            },
            cancellationToken
        );
}
