using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// Every Table Storage request a client sends, as a pipeline policy: which table, what kind of operation, and for a
/// query its filter. Tests add it to the app's TableServiceClient to count what a path costs.
/// </summary>
public sealed partial class StorageOperationLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<StorageOperation> _operations = new();

    public IReadOnlyList<StorageOperation> Operations => [.. _operations];

    public void Clear() => _operations.Clear();

    public IReadOnlyList<StorageOperation> On(string table) => [.. _operations.Where(o => o.Table == table)];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var segment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        if (segment.StartsWith("Tables", StringComparison.Ordinal))
        {
            _operations.Enqueue(new StorageOperation("(tables)", StorageOperationKind.TableCreate, null));
            return;
        }
        var table = segment.Split('(')[0];
        var method = message.Request.Method;
        var filter = System.Web.HttpUtility.ParseQueryString(uri.Query)["$filter"];
        var kind = method == RequestMethod.Get
            ? (PointKeys().IsMatch(segment) ? StorageOperationKind.PointRead : StorageOperationKind.Query)
            : method == RequestMethod.Delete ? StorageOperationKind.Delete
            : StorageOperationKind.Write;
        _operations.Enqueue(new StorageOperation(table, kind, filter));
    }

    [GeneratedRegex(@"\(PartitionKey='.*',RowKey='.*'\)$")]
    private static partial Regex PointKeys();
}

public enum StorageOperationKind
{
    PointRead,
    Query,
    Write,
    Delete,
    TableCreate,
}

/// <param name="Table">The table.</param>
/// <param name="Kind">What the request did.</param>
/// <param name="Filter">A query's <c>$filter</c>.</param>
public sealed partial record StorageOperation(string Table, StorageOperationKind Kind, string? Filter)
{
    /// <summary>A query that names one partition and nothing that could widen it (no <c>or</c>).</summary>
    public bool IsOnePartition => Kind == StorageOperationKind.Query && Filter is { } f
        && OnePartition().IsMatch(f) && !f.Contains(" or ", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\(?PartitionKey eq '[^']*'")]
    private static partial Regex OnePartition();
}
