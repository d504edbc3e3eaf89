using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CoworkSync.Ceilings;

/// <summary>
/// <c>POST /api/radius/accounting</c>: the reads and writes accounting cannot avoid, a point read of the member's usage
/// row for the cycle and its conditional replace (an insert the first time), then 204. It writes to a table of its own,
/// <c>CeilingUsage</c>, with CoworkSync's keys, so CoworkSync's rows stay as CoworkSync wrote them.
/// </summary>
public sealed class StorageAccounting(TableServiceClient tables, CeilingOptions options)
{
    public const string TableName = "CeilingUsage";

    private readonly TableClient _usage = tables.GetTableClient(TableName);
    private readonly string _usageRow = TableKeys.UsageRow(options.CycleKey);

    public Task CreateTableAsync(CancellationToken cancellationToken) => _usage.CreateIfNotExistsAsync(cancellationToken);

    public async Task HandleAsync(HttpContext context)
    {
        string? username, session;
        long seconds;
        using (var body = await RlmRestBody.ReadAsync(context.Request, context.RequestAborted))
        {
            username = body.String("User-Name")?.Trim().ToLowerInvariant();
            session = body.String("Acct-Unique-Session-Id") ?? body.String("Acct-Session-Id");
            seconds = body.Integer("Acct-Session-Time");
        }
        if (!string.IsNullOrEmpty(username) && !string.IsNullOrEmpty(session))
            await RecordAsync(TableKeys.Escape(username), session, seconds, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task RecordAsync(string partition, string session, long seconds, CancellationToken cancellationToken)
    {
        // Optimistic concurrency as any correct writer needs it: read, change, replace if unchanged, else again.
        for (var attempt = 0; ; attempt++)
        {
            var found = await _usage.GetEntityIfExistsAsync<TableEntity>(partition, _usageRow, cancellationToken: cancellationToken);
            var sessions = found.HasValue && found.Value!.GetString("Sessions") is { } json
                ? JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? []
                : [];
            sessions[session] = Math.Max(seconds, sessions.GetValueOrDefault(session));
            var entity = new TableEntity(partition, _usageRow) { ["Sessions"] = JsonSerializer.Serialize(sessions) };
            try
            {
                if (found.HasValue)
                    await _usage.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                else
                    await _usage.AddEntityAsync(entity, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (attempt < 5 && ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
            {
                // Someone wrote in between: read again.
            }
        }
    }
}
