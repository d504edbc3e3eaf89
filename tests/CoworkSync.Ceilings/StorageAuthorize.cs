using Azure.Data.Tables;

namespace CoworkSync.Ceilings;

/// <summary>
/// <c>POST /api/radius/authorize</c>: the two point reads an authorize cannot avoid for a plan with an hours limit (the
/// account row, and the cycle's usage row, of CoworkSync's tables <c>Accounts</c> and <c>Usage</c>), then a fixed 200.
/// </summary>
public sealed class StorageAuthorize(TableServiceClient tables, CeilingOptions options)
{
    private readonly TableClient _accounts = tables.GetTableClient("Accounts");
    private readonly TableClient _usage = tables.GetTableClient("Usage");
    private readonly string _usageRow = TableKeys.UsageRow(options.CycleKey);
    private readonly byte[] _reply = FixedReplies.Authorize(options.Password);

    public async Task HandleAsync(HttpContext context)
    {
        string? username;
        using (var body = await RlmRestBody.ReadAsync(context.Request, context.RequestAborted))
            username = body.String("User-Name")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(username))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var key = TableKeys.Escape(username);
        await _accounts.GetEntityIfExistsAsync<TableEntity>(key, TableKeys.AccountRow, cancellationToken: context.RequestAborted);
        await _usage.GetEntityIfExistsAsync<TableEntity>(key, _usageRow, cancellationToken: context.RequestAborted);
        await FixedReplies.WriteJsonAsync(context.Response, StatusCodes.Status200OK, _reply);
    }
}
