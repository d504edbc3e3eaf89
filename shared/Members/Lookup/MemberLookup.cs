using Azure.Data.Tables;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Lookup;

/// <summary>
/// Finds members without reading every member: by email (one query of one partition of <c>MemberEmails</c>), by WiFi
/// user name (the account's point read), by member id (a point read per connector) and by the start of a name (one
/// RowKey range of one partition of <c>MemberNames</c> per connector, merged and paged). Every member found is then
/// read by its point read, and an index entry whose member's current state no longer has its key is skipped (it was
/// left by a write that lost a race), so what this returns always matches the member as stored.
/// </summary>
public sealed class MemberLookup(StateTables tables, MemberStore members, AccountStore accounts)
{
    public const int MaxPageSize = 100;

    /// <summary>The longest member id or user name looked up: a table key holds 1 KiB, and escaping may triple a character.</summary>
    public const int MaxIdLength = 150;

    /// <summary>
    /// Every member whose email is <paramref name="email"/> (trimmed, any case), on every connector, gone ones
    /// included (<see cref="MemberRecord.Gone"/>); ordered by connector and member id. Empty for a blank email.
    /// </summary>
    public async Task<IReadOnlyList<MemberRecord>> ByEmailAsync(string email, CancellationToken cancellationToken)
    {
        if (SearchText.Email(email) is not { } key)
            return [];
        var table = await tables.GetAsync(TableNames.MemberEmails, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(key)}");
        var entries = new List<(string ConnectorId, string MemberId)>();
        await foreach (var entry in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            entries.Add((entry.GetString("ConnectorId")!, entry.GetString("MemberId")!));

        var found = await Task.WhenAll(entries.Select(e => members.GetAsync(e.ConnectorId, e.MemberId, cancellationToken)));
        return [.. found.OfType<MemberRecord>()
            .Where(m => SearchText.Email(m.Platform.Email) == key)
            .OrderBy(m => m.ConnectorId, StringComparer.Ordinal)
            .ThenBy(m => m.Platform.MemberId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The member whose account has the WiFi user name <paramref name="username"/> (trimmed, any case, as RADIUS
    /// reads it); null when there is no such account, or its member is no longer stored.
    /// </summary>
    public async Task<MemberRecord?> ByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        var name = username.Trim().ToLowerInvariant();
        if (name.Length == 0 || name.Length > MaxIdLength)
            return null;
        var account = await accounts.GetAsync(name, cancellationToken);
        return account is null ? null : await members.GetAsync(account.ConnectorId, account.MemberId, cancellationToken);
    }

    /// <summary>The member with this id on each of <paramref name="connectorIds"/> that has one, in the order given.</summary>
    public async Task<IReadOnlyList<MemberRecord>> ByMemberIdAsync(string memberId, IEnumerable<string> connectorIds, CancellationToken cancellationToken)
    {
        if (memberId.Length == 0 || memberId.Length > MaxIdLength)
            return [];
        var found = await Task.WhenAll(connectorIds.Select(c => members.GetAsync(c, memberId, cancellationToken)));
        return [.. found.OfType<MemberRecord>()];
    }

    /// <summary>
    /// The members of <paramref name="connectorIds"/> whose first or last name starts with <paramref name="prefix"/>
    /// (<see cref="SearchText.Name"/>: any case, accents ignored; "ada lo" finds Ada Lovelace, "lovelace" too), in name
    /// order across the connectors, <paramref name="pageSize"/> at a time. A member whose two names both start with the
    /// prefix is listed once. Empty for a prefix with no letter or digit.
    /// </summary>
    /// <param name="prefix">What the name starts with.</param>
    /// <param name="connectorIds">The connectors to search.</param>
    /// <param name="pageSize">At most this many members (1 to <see cref="MaxPageSize"/>).</param>
    /// <param name="after">The <see cref="MemberNamePage.Next"/> of the page before; null for the first page.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page size is out of range.</exception>
    /// <exception cref="FormatException"><paramref name="after"/> is not a cursor this search made.</exception>
    public async Task<MemberNamePage> ByNamePrefixAsync(
        string prefix, IReadOnlyCollection<string> connectorIds, int pageSize, string? after, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        MemberNameCursor? cursor = null;
        if (after is not null && !MemberNameCursor.TryParse(after, out cursor))
            throw new FormatException("The page token is not one this search gave.");
        var key = SearchText.Name(prefix);
        if (key.Length == 0 || connectorIds.Count == 0)
            return new MemberNamePage([], null);

        var table = await tables.GetAsync(TableNames.MemberNames, cancellationToken);
        var perConnector = await Task.WhenAll(connectorIds.Distinct(StringComparer.Ordinal)
            .Select(connectorId => RangeAsync(table, connectorId, TableKey.Escape(key), cursor, pageSize + 1, cancellationToken)));
        var merged = perConnector.SelectMany(rows => rows)
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .ThenBy(r => r.ConnectorId, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var page = merged.Take(pageSize).ToList();
        var next = merged.Count > pageSize ? new MemberNameCursor(page[^1].ConnectorId, page[^1].RowKey).ToString() : null;

        var found = await Task.WhenAll(page.Select(r => members.GetAsync(r.ConnectorId, r.MemberId, cancellationToken)));
        var listed = new List<MemberRecord>(page.Count);
        for (var i = 0; i < page.Count; i++)
        {
            if (found[i] is { } member && Listed(member, page[i], key))
                listed.Add(member);
        }
        return new MemberNamePage(listed, next);
    }

    /// <summary>The entry still matches the member as stored, and is the one entry that lists them for this prefix.</summary>
    private static bool Listed(MemberRecord member, NameRow row, string prefix)
    {
        var keys = MemberIndexKeys.For(member.Platform);
        if (!keys.NameEntries().Contains((MemberIndexEntities.NameOf(row.RowKey), row.Reversed)))
            return false;
        // "last first" lists the member only when "first last" does not: else they would appear twice.
        return !row.Reversed || !keys.FullName.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>One connector's rows in the prefix's range after the cursor (row key, then connector): one partition, at most <paramref name="take"/> rows.</summary>
    private static async Task<List<NameRow>> RangeAsync(
        TableClient table, string connectorId, string escapedPrefix, MemberNameCursor? cursor, int take, CancellationToken cancellationToken)
    {
        var partition = TableKey.Escape(connectorId);
        var upper = MemberIndexEntities.UpperBound(escapedPrefix);
        string filter;
        if (cursor is null || string.CompareOrdinal(cursor.RowKey, escapedPrefix) < 0)
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {escapedPrefix} and RowKey lt {upper}");
        else if (string.CompareOrdinal(connectorId, cursor.ConnectorId) > 0)
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {cursor.RowKey} and RowKey lt {upper}");
        else
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {cursor.RowKey} and RowKey lt {upper}");

        var rows = new List<NameRow>(take);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: take, select: ["RowKey", "MemberId", "Reversed"], cancellationToken: cancellationToken))
        {
            rows.Add(new NameRow(connectorId, entity.RowKey, entity.GetString("MemberId")!, entity.GetBoolean("Reversed") ?? false));
            if (rows.Count == take)
                break;
        }
        return rows;
    }

    private sealed record NameRow(string ConnectorId, string RowKey, string MemberId, bool Reversed);
}
