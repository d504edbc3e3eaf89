using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.Simulators.Coworks;

/// <summary>
/// A fake Coworks API on a real loopback socket, serving the documented contract for any number of spaces:
/// <c>GET /v1/spaces/{space}/members?page&amp;per_page</c>, <c>GET /v1/spaces/{space}/members/{id}</c> and
/// <c>GET /v1/spaces/{space}/plans</c>, each needing <c>Authorization: Bearer {space key}</c> (401 otherwise;
/// 404 for an unknown space or member). Faults queued with <see cref="ThrottleNext"/>, <see cref="FailNext"/> and
/// <see cref="FaultNext"/> answer the next requests instead: error statuses, hangs, slow answers, a connection closed
/// mid-body, truncated or invalid JSON. Every request is recorded.
/// </summary>
public sealed class CoworksSimulator : IAsyncDisposable
{
    private const int MaxPerPage = 100;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, SimulatedSpace> _spaces = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SimulatorFault> _faults = new();
    private readonly ConcurrentQueue<SimulatorRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private CoworksSimulator(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary>The API base URL to give a connection, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<SimulatorRequest> Requests => [.. _requests];

    public int RequestCount => _requests.Count;

    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free one.</param>
    public static async Task<CoworksSimulator> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var simulator = new CoworksSimulator(builder.Build());
        await simulator._app.StartAsync();
        var address = simulator._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        simulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return simulator;
    }

    /// <summary>Adds a space (or returns the existing one, with its key replaced).</summary>
    public SimulatedSpace AddSpace(string spaceId, string apiKey)
    {
        var space = _spaces.GetOrAdd(spaceId, id => new SimulatedSpace(id, apiKey));
        space.ApiKey = apiKey;
        return space;
    }

    public SimulatedSpace Space(string spaceId) => _spaces[spaceId];

    /// <summary>The next <paramref name="count"/> requests answer 429 with <c>Retry-After: {retryAfter}</c>.</summary>
    public void ThrottleNext(int count, string retryAfter = "1") => Enqueue(count, new SimulatorFault(HttpStatusCode.TooManyRequests, retryAfter));

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> (500 by default).</summary>
    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.InternalServerError, string? retryAfter = null) =>
        Enqueue(count, new SimulatorFault(status, retryAfter));

    /// <summary>The next requests meet <paramref name="faults"/>, in order: statuses, hangs, slow, cut or broken answers.</summary>
    public void FaultNext(params IEnumerable<SimulatorFault> faults)
    {
        foreach (var fault in faults)
            _faults.Enqueue(fault);
    }

    /// <summary>How many queued faults no request has met yet.</summary>
    public int PendingFaults => _faults.Count;

    public int RequestCountTo(string pathFragment) => _requests.Count(r => r.PathAndQuery.Contains(pathFragment, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Enqueue(int count, SimulatorFault fault)
    {
        for (var i = 0; i < count; i++)
            _faults.Enqueue(fault);
    }

    private async Task HandleAsync(HttpContext context)
    {
        _faults.TryDequeue(out var fault);
        if (fault is { Kind: SimulatorFaultKind.Hang or SimulatorFaultKind.Slow })
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _requests.Enqueue(new SimulatorRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, 0, _clock.Elapsed) { Fault = fault.Kind });
                return; // The client gave up waiting.
            }
        }
        var (status, body) = fault is { Kind: SimulatorFaultKind.Status } ? StatusFault(fault, context.Response) : Answer(context.Request);
        _requests.Enqueue(new SimulatorRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, status, _clock.Elapsed)
        {
            RetryAfter = fault?.RetryAfter,
            Fault = fault?.Kind,
        });
        context.Response.StatusCode = status;
        if (body is null)
            return;
        context.Response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        switch (fault?.Kind)
        {
            case SimulatorFaultKind.CloseMidBody:
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            case SimulatorFaultKind.TruncatedJson:
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case SimulatorFaultKind.InvalidJson:
                bytes = "<html><body>502 Bad Gateway</body></html>"u8.ToArray();
                break;
        }
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private static (int Status, object? Body) StatusFault(SimulatorFault fault, HttpResponse response)
    {
        if (fault.RetryAfter is not null)
            response.Headers.RetryAfter = fault.RetryAfter;
        return ((int)fault.Status, Error("simulated fault"));
    }

    private (int Status, object? Body) Answer(HttpRequest request)
    {
        // v1 / spaces / {space} / members [/ {id}] | plans
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (request.Method != HttpMethods.Get || segments.Length < 4 || segments[0] != "v1" || segments[1] != "spaces")
            return (404, Error("no such route"));
        if (!_spaces.TryGetValue(segments[2], out var space))
            return (404, Error("no such space"));
        if (request.Headers.Authorization.ToString() != $"Bearer {space.ApiKey}")
            return (401, Error("unauthorized"));

        return (segments[3], segments.Length) switch
        {
            ("members", 4) => MembersPage(space, request.Query),
            ("members", 5) => space.Member(segments[4]) is { } member
                ? (200, new { data = CoworksSimulatorJson.Member(member, withMembership: true) })
                : (404, Error("no such member")),
            ("plans", 4) => (200, new { data = space.Plans().Select(p => CoworksSimulatorJson.Plan(p.Id, p.Name)).ToList() }),
            _ => (404, Error("no such route")),
        };
    }

    private static (int, object) MembersPage(SimulatedSpace space, IQueryCollection query)
    {
        var page = Number(query["page"], 1);
        var perPage = Math.Min(Number(query["per_page"], 25), MaxPerPage);
        if (page < 1 || perPage < 1)
            return (400, Error("page and per_page must be positive"));
        var (members, totalPages) = space.Page(page, perPage);
        return (200, new
        {
            data = members.Select(m => CoworksSimulatorJson.Member(m, withMembership: true)).ToList(),
            meta = new Dictionary<string, int> { ["page"] = page, ["total_pages"] = totalPages },
        });
    }

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static object Error(string message) => new Dictionary<string, string> { ["error"] = message };
}
