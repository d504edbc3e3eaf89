using System.Net;

namespace CoworkSync.UnitTests.Messaging.Publishing;

/// <summary>A fake transport: records each request (body included) and answers with the given function.</summary>
internal sealed class CapturingHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public CapturingHandler(HttpStatusCode status) : this((_, _) => Task.FromResult(new HttpResponseMessage(status))) { }

    public List<CapturedRequest> Requests { get; } = [];

    public static CapturingHandler Throwing(Exception exception) => new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public static CapturingHandler Answering(params HttpStatusCode[] statuses)
    {
        var next = 0;
        return new((_, _) => Task.FromResult(new HttpResponseMessage(statuses[Math.Min(Interlocked.Increment(ref next) - 1, statuses.Length - 1)])));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (Requests)
            Requests.Add(new CapturedRequest(request.Method, request.RequestUri!,
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                request.Content?.Headers.ContentType?.ToString(), body));
        return await answer(request, cancellationToken);
    }
}

internal sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
