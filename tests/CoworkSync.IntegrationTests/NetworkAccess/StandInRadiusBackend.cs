using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// A stand-in for CoworkSync's RADIUS endpoints, on a free loopback port, answering exactly per the contract: the
/// harness self-tests use it; the real endpoints have their own tests. It knows one member with an awkward password
/// and one member who is denied; it records every call. It can be stopped and started again on the same port.
/// </summary>
internal sealed class StandInRadiusBackend : IAsyncDisposable
{
    public const string FunctionKey = "stand-in-function-key";
    public const string Member = "alice@example.com";
    public const string Password = "p%a{s}s\"w0rd";
    public const string DeniedMember = "denied@example.com";
    public const string DeniedMessage = "Your plan has no hours left this month";
    public const int SessionTimeout = 3600;
    public const string Vlan = "42";

    private readonly ConcurrentQueue<JsonElement> _authorizeCalls = new();
    private readonly ConcurrentQueue<JsonElement> _accountingCalls = new();
    private WebApplication? _app;

    private StandInRadiusBackend()
    {
    }

    public int Port { get; private set; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>The JSON bodies FreeRADIUS posted to /api/radius/authorize with the right key, oldest first.</summary>
    public IReadOnlyCollection<JsonElement> AuthorizeCalls => _authorizeCalls;

    /// <summary>The JSON bodies FreeRADIUS posted to /api/radius/accounting with the right key, oldest first.</summary>
    public IReadOnlyCollection<JsonElement> AccountingCalls => _accountingCalls;

    public static async Task<StandInRadiusBackend> StartAsync()
    {
        var backend = new StandInRadiusBackend();
        await backend.StartOnAsync(0);
        return backend;
    }

    /// <summary>The first value of <paramref name="attribute"/> in an rlm_rest JSON body, as text; null when absent.</summary>
    public static string? Value(JsonElement body, string attribute) =>
        body.TryGetProperty(attribute, out var a) && a.GetProperty("value") is { ValueKind: JsonValueKind.Array } values && values.GetArrayLength() > 0
            ? values[0].ToString()
            : null;

    public async Task StopAsync()
    {
        var app = _app;
        _app = null;
        if (app is null)
            return;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public Task StartAgainAsync() => StartOnAsync(Port);

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/api/radius/authorize", AuthorizeAsync);
        app.MapPost("/api/radius/accounting", AccountingAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.Single()).Port;
        _app = app;
    }

    private async Task<IResult> AuthorizeAsync(HttpRequest request)
    {
        if (!HasKey(request))
            return Results.Unauthorized();
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        _authorizeCalls.Enqueue(body);
        return Value(body, "User-Name") switch
        {
            Member => Results.Json(new Dictionary<string, object>
            {
                ["control:Cleartext-Password"] = new { value = new[] { Password }, do_xlat = false },
                ["reply:Session-Timeout"] = SessionTimeout,
                ["reply:Acct-Interim-Interval"] = 300,
                ["reply:Tunnel-Type"] = "VLAN",
                ["reply:Tunnel-Medium-Type"] = "IEEE-802",
                ["reply:Tunnel-Private-Group-Id"] = Vlan,
                ["reply:WISPr-Bandwidth-Max-Down"] = 50_000_000,
                ["reply:WISPr-Bandwidth-Max-Up"] = 10_000_000,
            }),
            DeniedMember => Results.Json(new Dictionary<string, object> { ["reply:Reply-Message"] = DeniedMessage }, statusCode: 401),
            _ => Results.NotFound(),
        };
    }

    private async Task<IResult> AccountingAsync(HttpRequest request)
    {
        if (!HasKey(request))
            return Results.Unauthorized();
        _accountingCalls.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
        return Results.NoContent();
    }

    private static bool HasKey(HttpRequest request) =>
        request.Query["code"] == FunctionKey || request.Headers["x-functions-key"] == FunctionKey;
}
