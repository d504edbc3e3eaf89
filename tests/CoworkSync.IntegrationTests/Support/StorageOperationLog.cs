using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// Every request the app's table and queue clients send, classified as table storage sees it: a point operation (one
/// entity by its keys), a query bounded to one partition, a scan, a batch (one partition by the service's rule), a
/// queue operation. Installed in the app's own storage clients (a pipeline policy), so it sees exactly what goes out.
/// </summary>
public sealed class StorageOperationLog
{
    private readonly ConcurrentQueue<StorageOperation> _operations = new();

    public StorageOperationLog() => Policy = new Recorder(this);

    /// <summary>The pipeline policy that reports here, for a client a test builds itself.</summary>
    public HttpPipelinePolicy Policy { get; }

    /// <summary>Replaces the app's table and queue clients with ones that report here (the app's connection string).</summary>
    public void AddTo(IServiceCollection services)
    {
        var policy = Policy;
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
            return new TableServiceClient(ConnectionString(provider), options);
        }));
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var options = new QueueClientOptions();
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
            return new QueueServiceClient(ConnectionString(provider), options);
        }));
    }

    public IReadOnlyList<StorageOperation> All => [.. _operations];

    /// <summary>What was sent to one table.</summary>
    public IReadOnlyList<StorageOperation> On(string table) => [.. _operations.Where(o => o.Target == table)];

    /// <summary>Forgets what was recorded so far: what follows is the next step's alone.</summary>
    public void Clear() => _operations.Clear();

    /// <summary>What the step sent, without the local queue pump's polls (which run on their own all along).</summary>
    public IReadOnlyList<StorageOperation> Step() => [.. _operations.Where(o => o.Kind != StorageOperationKind.QueueReceive)];

    private static string ConnectionString(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>()["Storage:ConnectionString"]
        ?? throw new InvalidOperationException("The storage operation log needs Storage:ConnectionString.");

    private sealed class Recorder(StorageOperationLog log) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            log._operations.Enqueue(StorageOperation.Of(message.Request));
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            log._operations.Enqueue(StorageOperation.Of(message.Request));
            return ProcessNextAsync(message, pipeline);
        }
    }
}

public enum StorageOperationKind
{
    PointRead,
    PartitionQuery,
    Scan,
    Insert,
    ConditionalUpdate,
    /// <summary>A replace or merge of an entity that must exist, with no condition on its version (<c>If-Match: *</c>).</summary>
    Update,
    Upsert,
    Delete,
    Batch,
    Create,
    QueueSend,
    QueueReceive,
    QueueDelete,
    Other,
}

/// <param name="Target">The table or queue.</param>
/// <param name="Partition">The partition a point operation or query is bounded to; null otherwise.</param>
public sealed partial record StorageOperation(string Target, StorageOperationKind Kind, string? Partition, string Request)
{
    /// <summary>A point operation, a query or batch within one partition, or one queue's message operation.</summary>
    public bool IsBounded => Kind is not (StorageOperationKind.Scan or StorageOperationKind.Other);

    public bool IsWrite => Kind is not (StorageOperationKind.PointRead or StorageOperationKind.PartitionQuery
        or StorageOperationKind.Scan or StorageOperationKind.QueueReceive);

    public override string ToString() => $"{Target} {Kind}{(Partition is null ? "" : $" [{Partition}]")}";

    public static StorageOperation Of(Request request)
    {
        var uri = request.Uri.ToUri();
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        // Azurite's paths start with the account: /devstoreaccount1/<table or queue>[/messages[/id]].
        var resource = Uri.UnescapeDataString(segments.Length > 1 ? segments[1] : segments[0]);
        var method = request.Method;
        var text = $"{method} {uri.PathAndQuery}";
        if (segments.Length > 2 && segments[2] == "messages")
        {
            var queueKind = method == RequestMethod.Post ? StorageOperationKind.QueueSend
                : method == RequestMethod.Get ? StorageOperationKind.QueueReceive
                : method == RequestMethod.Delete ? StorageOperationKind.QueueDelete
                : StorageOperationKind.Other;
            return new(resource, queueKind, null, text);
        }

        if (resource == "Tables")
            return new(resource, method == RequestMethod.Post ? StorageOperationKind.Create : StorageOperationKind.Other, null, text);
        if (resource == "$batch")
        {
            var (batchTable, batchPartition) = BatchTarget(request);
            return new(batchTable ?? "(batch)", StorageOperationKind.Batch, batchPartition, text);
        }

        var open = resource.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
            return new(resource, method == RequestMethod.Post ? StorageOperationKind.Insert : method == RequestMethod.Put ? StorageOperationKind.Create : StorageOperationKind.Other, null, text);
        var table = resource[..open];
        var keys = resource[(open + 1)..^1];
        if (keys.Length == 0)
        {
            var filter = Uri.UnescapeDataString(uri.Query);
            var partition = OnePartition(filter);
            return new(table, partition is null ? StorageOperationKind.Scan : StorageOperationKind.PartitionQuery, partition, text);
        }

        var pointPartition = Between(keys, "PartitionKey='", "'");
        var kind = method == RequestMethod.Get ? StorageOperationKind.PointRead
            : method == RequestMethod.Delete ? StorageOperationKind.Delete
            : !request.Headers.TryGetValue("If-Match", out var ifMatch) ? StorageOperationKind.Upsert
            : ifMatch == "*" ? StorageOperationKind.Update
            : StorageOperationKind.ConditionalUpdate;
        return new(table, kind, pointPartition, text);
    }

    // A batch (one table, one partition) names its table in each request of its body ("POST http://…/Members HTTP/1.1",
    // "PUT http://…/MemberNames(PartitionKey='…',RowKey='…') HTTP/1.1"), and its partition in each key or entity.
    private static (string? Table, string? Partition) BatchTarget(Request request)
    {
        if (request.Content is null)
            return (null, null);
        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        var table = BatchRequestLine().Match(body);
        var partition = BatchPartition().Match(body);
        return (table.Success ? table.Groups["table"].Value : null,
            !partition.Success ? null : partition.Groups["quoted"].Success ? Uri.UnescapeDataString(partition.Groups["quoted"].Value) : partition.Groups["json"].Value);
    }

    [GeneratedRegex(@"^(?:POST|PUT|PATCH|MERGE|DELETE) \S*?/(?<table>[A-Za-z][A-Za-z0-9]*)(?:\(|\?| )", RegexOptions.Multiline)]
    private static partial Regex BatchRequestLine();

    [GeneratedRegex(@"PartitionKey='(?<quoted>[^']*)'|""PartitionKey"":""(?<json>[^""]*)""")]
    private static partial Regex BatchPartition();

    // A filter bounds a query to one partition when it names exactly one partition key, with no "or" that could add others.
    private static string? OnePartition(string filter)
    {
        const string Equals = "PartitionKey eq '";
        var first = filter.IndexOf(Equals, StringComparison.Ordinal);
        if (first < 0 || filter.IndexOf(Equals, first + 1, StringComparison.Ordinal) >= 0 || filter.Contains(" or ", StringComparison.OrdinalIgnoreCase))
            return null;
        return Between(filter[first..], Equals, "'");
    }

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
            return null;
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? null : text[from..to];
    }
}
