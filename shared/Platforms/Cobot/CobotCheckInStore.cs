using System.Globalization;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// A member's Cobot check-ins: their registered check-in token, the last day checked in, the last refusal.
/// <see cref="ToString"/> leaves the token out.
/// </summary>
public sealed record CobotCheckInRecord(
    string? Token,
    DateOnly? LastCheckInOn,
    DateTimeOffset? LastCheckInAt,
    string? LastError,
    DateOnly? LastErrorOn,
    DateTimeOffset? LastErrorAt)
{
    public override string ToString() =>
        $"CobotCheckInRecord {{ Token = {(Token is null ? "null" : "***")}, LastCheckInOn = {LastCheckInOn}, LastError = {LastError}, LastErrorOn = {LastErrorOn} }}";
}

/// <summary>Table <c>CobotCheckIns</c>: partition = connector, row = member (membership) id.</summary>
public sealed class CobotCheckInStore(StateTables tables)
{
    public async Task<CobotCheckInRecord?> GetAsync(string connectorId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(CobotTables.CobotCheckIns, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(connectorId), TableKey.Escape(memberId), cancellationToken: cancellationToken);
        if (!found.HasValue)
            return null;
        var e = found.Value!;
        return new CobotCheckInRecord(e.GetString("Token"), Day(e.GetString("LastCheckInOn")), e.GetDateTimeOffset("LastCheckInAt"),
            e.GetString("LastError"), Day(e.GetString("LastErrorOn")), e.GetDateTimeOffset("LastErrorAt"));
    }

    public async Task SaveAsync(string connectorId, string memberId, CobotCheckInRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(CobotTables.CobotCheckIns, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKey.Escape(connectorId), TableKey.Escape(memberId))
        {
            ["Token"] = record.Token,
            ["LastCheckInOn"] = record.LastCheckInOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["LastCheckInAt"] = record.LastCheckInAt,
            ["LastError"] = record.LastError,
            ["LastErrorOn"] = record.LastErrorOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["LastErrorAt"] = record.LastErrorAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
