using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Compare.Proxy;

/// <summary>
/// An HTTP proxy between CoworkSync and Azurite (one port for tables, one for queues) that forwards every request
/// unchanged and counts it by table or queue and kind (<see cref="StorageOperation"/>). Shared-key signatures do not
/// cover the host, so the app only needs its endpoints pointed here. It adds latency: counts only, never timings.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Resource, string Kind, bool IsWrite), long> _counts = new();
    private readonly HttpClient _forward = new(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None, MaxConnectionsPerServer = 256 })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
    private readonly WebApplication _app;

    private CountingProxy(WebApplication app, int tablePort, int queuePort)
    {
        _app = app;
        TablePort = tablePort;
        QueuePort = queuePort;
    }

    public int TablePort { get; }

    public int QueuePort { get; }

    public static async Task<CountingProxy> StartAsync(int azuriteTablePort, int azuriteQueuePort, int tablePort, int queuePort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, tablePort);
            k.Listen(IPAddress.Loopback, queuePort);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var proxy = new CountingProxy(app, tablePort, queuePort);
        app.Run(context =>
        {
            var table = context.Connection.LocalPort == tablePort;
            return proxy.ForwardAsync(context, table, table ? azuriteTablePort : azuriteQueuePort);
        });
        await app.StartAsync();
        return proxy;
    }

    /// <summary>A copy of the counts so far.</summary>
    public IReadOnlyDictionary<(string Resource, string Kind, bool IsWrite), long> Snapshot() => new Dictionary<(string, string, bool), long>(_counts);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task ForwardAsync(HttpContext context, bool table, int port)
    {
        var request = context.Request;
        // The target exactly as sent: shared-key signatures cover the escaped path, which Request.Path has decoded.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.Path}{request.QueryString}";
        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), $"http://127.0.0.1:{port}{target}");
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            outgoing.Content = new StreamContent(request.Body);
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!outgoing.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value))
                outgoing.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
        }
        var operation = StorageOperation.Classify(table, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null);
        _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

        using var response = await _forward.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
