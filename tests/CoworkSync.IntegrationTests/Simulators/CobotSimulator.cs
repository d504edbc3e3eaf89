using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Simulators;

/// <summary>
/// A fake Cobot on a real loopback socket: one space's API1 (what <c>https://{sub}.cobot.me</c> serves) and the
/// OAuth and token endpoints of <c>https://www.cobot.me</c> on the same origin. It follows the documented API:
/// API1 date formats (<c>2010/01/01 12:00:00 +0000</c>, <c>2010/02/01</c>); memberships carry their own plan copy
/// with <c>parent_plan.id</c>; <c>GET /api/plans</c> lists hidden plans to a token; per token at most 60 requests a
/// minute and 6 a minute to <c>GET /api/memberships</c>, else 429 with <c>Retry-After</c> seconds; subscriptions
/// (409 on a duplicate event and URL) that <see cref="DeactivateSubscription"/> turns off as Cobot does after failed
/// deliveries; <c>PUT /api/space/custom_fields</c> deleting every field it omits, from the space and every member;
/// check-ins answering 201, 422 without time passes, or 204 (empty) for a token it does not have (any more). Bearer tokens are checked (401). Every request is recorded.
/// Its clock is a <see cref="TimeProvider"/>, so a test can move the minute on without waiting.
/// </summary>
public sealed class CobotSimulator : IAsyncDisposable
{
    public const int RequestsPerMinute = 60;
    public const int MembershipListsPerMinute = 6;

    /// <summary>A delivery and its 10 retries (about 20 h at Cobot) failing deactivates the subscription.</summary>
    public const int FailedDeliveriesBeforeDeactivation = 11;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CobotSimPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CobotSimMembership> _memberships = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CobotSimMembership> _deleted = new(StringComparer.Ordinal);
    private readonly List<CobotSimField> _fields = [];
    private readonly List<CobotSimSubscription> _subscriptions = [];
    private readonly List<CobotSimCheckIn> _checkIns = [];
    private readonly Dictionary<string, string> _checkInTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spaceOwnedTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ClientId, string RedirectUri)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _listCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CobotSimRequest> _requests = new();
    private readonly Dictionary<string, int> _failedDeliveries = new(StringComparer.Ordinal);
    private readonly List<CobotSimBreak> _breaks = [];
    private TaskCompletionSource _gate = Open();
    private int _nextId = 1000;

    private CobotSimulator(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _app.Run(HandleAsync);
    }

    public const string SpaceId = "space-sim-1";
    public const string ClientId = "sim-client-id";
    public const string ClientSecret = "sim-client-secret";

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<CobotSimRequest> Requests => [.. _requests];

    public int RequestCount => _requests.Count;

    public static async Task<CobotSimulator> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var simulator = new CobotSimulator(builder.Build(), time ?? TimeProvider.System);
        await simulator._app.StartAsync();
        var address = simulator._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        simulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return simulator;
    }

    // ---- arranging the world -------------------------------------------------------------------------------

    public CobotSimulator AddToken(string token)
    {
        lock (_lock)
            _tokens.Add(token);
        return this;
    }

    public void RevokeToken(string token)
    {
        lock (_lock)
            _tokens.Remove(token);
    }

    /// <summary>Whether Cobot accepts <paramref name="token"/> (issued and not revoked).</summary>
    public bool HasToken(string token)
    {
        lock (_lock)
            return _tokens.Contains(token);
    }

    public bool IsSpaceOwned(string token)
    {
        lock (_lock)
            return _spaceOwnedTokens.Contains(token);
    }

    public CobotSimulator AddPlan(string id, string name, bool hidden = false)
    {
        lock (_lock)
            _plans[id] = new CobotSimPlan(id, name, hidden);
        return this;
    }

    public CobotSimulator AddField(string id, string label)
    {
        lock (_lock)
            _fields.Add(new CobotSimField(id, label));
        return this;
    }

    public IReadOnlyList<CobotSimField> Fields
    {
        get
        {
            lock (_lock)
                return [.. _fields];
        }
    }

    public void Put(CobotSimMembership membership)
    {
        lock (_lock)
            _memberships[membership.Id] = membership;
    }

    public CobotSimMembership Membership(string id)
    {
        lock (_lock)
            return _memberships[id];
    }

    public void Update(string id, Func<CobotSimMembership, CobotSimMembership> change)
    {
        lock (_lock)
            _memberships[id] = change(_memberships[id]);
    }

    public void Delete(string id)
    {
        lock (_lock)
        {
            if (_memberships.Remove(id, out var deleted))
                _deleted[id] = deleted;
        }
    }

    public IReadOnlyList<CobotSimSubscription> Subscriptions
    {
        get
        {
            lock (_lock)
                return [.. _subscriptions];
        }
    }

    /// <summary>What Cobot does after ~20 h of failed deliveries (or one 410): the subscription stays, inactive.</summary>
    public void DeactivateSubscription(string eventName)
    {
        lock (_lock)
        {
            var index = _subscriptions.FindIndex(s => s.Event == eventName);
            _subscriptions[index] = _subscriptions[index] with { Active = false };
        }
    }

    /// <summary>
    /// Delivers <paramref name="eventName"/> about a membership as Cobot does (<see cref="WebhookBody(string, string)"/>) POSTed by
    /// <paramref name="post"/> (callback URL, body → status) to the event's active subscription, retried until it
    /// answers 2xx or <see cref="FailedDeliveriesBeforeDeactivation"/> attempts failed; a 410 or the last failure
    /// deactivates the subscription. Redirects count as failures (Cobot does not follow them). Returns the statuses.
    /// </summary>
    public async Task<IReadOnlyList<int>> DeliverAsync(string eventName, string membershipId, Func<string, string, Task<int>> post)
    {
        CobotSimSubscription? subscription;
        lock (_lock)
            subscription = _subscriptions.FirstOrDefault(s => s.Event == eventName && s.Active);
        if (subscription is null)
            return [];
        var statuses = new List<int>();
        while (true)
        {
            var status = await post(subscription.CallbackUrl, WebhookBody(eventName, membershipId));
            statuses.Add(status);
            if (status is >= 200 and < 300)
            {
                lock (_lock)
                    _failedDeliveries.Remove(subscription.Id);
                return statuses;
            }
            lock (_lock)
            {
                var failures = _failedDeliveries[subscription.Id] = _failedDeliveries.GetValueOrDefault(subscription.Id) + 1;
                if (status == 410 || failures >= FailedDeliveriesBeforeDeactivation)
                {
                    var index = _subscriptions.FindIndex(s => s.Id == subscription.Id);
                    if (index >= 0)
                        _subscriptions[index] = _subscriptions[index] with { Active = false };
                    return statuses;
                }
            }
        }
    }

    public void RemoveSubscription(string eventName)
    {
        lock (_lock)
            _subscriptions.RemoveAll(s => s.Event == eventName);
    }

    public IReadOnlyList<CobotSimCheckIn> CheckIns
    {
        get
        {
            lock (_lock)
                return [.. _checkIns];
        }
    }

    public IReadOnlyDictionary<string, string> CheckInTokens
    {
        get
        {
            lock (_lock)
                return new Dictionary<string, string>(_checkInTokens);
        }
    }

    /// <summary>An admin removes the membership's check-in tokens at Cobot: check-ins with them get 204 from now on.</summary>
    public void DeleteCheckInTokens(string membershipId)
    {
        lock (_lock)
        {
            foreach (var token in _checkInTokens.Where(t => t.Value == membershipId).Select(t => t.Key).ToList())
                _checkInTokens.Remove(token);
        }
    }

    /// <summary>What Cobot's authorize page does when the admin allows access: a code bound to the client and redirect URI.</summary>
    public string Authorize(string clientId, string redirectUri)
    {
        var code = "code-" + Guid.NewGuid().ToString("N")[..12];
        lock (_lock)
            _codes[code] = (clientId, redirectUri);
        return code;
    }

    /// <summary>The body Cobot POSTs to a subscription's callback: the membership's URL only.</summary>
    public string WebhookBody(string membershipId) => JsonSerializer.Serialize(new { url = new Uri(BaseUrl, $"api/memberships/{membershipId}").ToString() });

    /// <summary>
    /// The body of <paramref name="eventName"/>: deletion events (<c>deleted_…</c>) carry the whole object as it was
    /// before it was deleted; every other event its URL.
    /// </summary>
    public string WebhookBody(string eventName, string membershipId)
    {
        if (!eventName.StartsWith("deleted_", StringComparison.Ordinal))
            return WebhookBody(membershipId);
        lock (_lock)
        {
            var membership = _deleted.GetValueOrDefault(membershipId) ?? _memberships[membershipId];
            return CobotSimulatorJson.Membership(membership, _plans).ToJsonString();
        }
    }

    /// <summary>The API URL of a membership as Cobot writes it in webhooks.</summary>
    public Uri MembershipUrl(string membershipId) => new(BaseUrl, $"api/memberships/{membershipId}");

    public int CountRequests(Func<CobotSimRequest, bool> match) => _requests.Count(match);

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Until <see cref="Heal"/>, requests with <paramref name="method"/> and <paramref name="path"/> (and, given
    /// <paramref name="when"/>, a body it accepts) are answered <paramref name="status"/> with the raw
    /// <paramref name="body"/> (none when null) instead of what Cobot would answer: an outage, a proxy in the way, a
    /// refusal. They are recorded, but not counted against the rate limits.
    /// </summary>
    public void Break(string method, string path, int status, string? body = null, Func<string?, bool>? when = null)
    {
        lock (_lock)
            _breaks.Add(new CobotSimBreak(method, path, status, body, when));
    }

    public void Heal()
    {
        lock (_lock)
            _breaks.Clear();
    }

    /// <summary>Requests wait, unanswered, until <see cref="Release"/>: a platform that is slow right now.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            if (_gate.Task.IsCompleted)
                _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        lock (_lock)
            _gate.TrySetResult();
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    // ---- serving ---------------------------------------------------------------------------------------------

    private async Task HandleAsync(HttpContext context)
    {
        Task gate;
        lock (_lock)
            gate = _gate.Task;
        await gate;
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync();
        }
        int status;
        string? answer;
        string? retryAfter = null;
        lock (_lock)
        {
            var broken = _breaks.LastOrDefault(b => b.Matches(request.Method, (request.Path.Value ?? "").TrimEnd('/'), body));
            if (broken is not null)
            {
                (status, answer) = (broken.Status, broken.Body);
            }
            else
            {
                JsonNode? json;
                (status, json, retryAfter) = Answer(request, body);
                answer = json?.ToJsonString();
            }
        }
        _requests.Enqueue(new CobotSimRequest(request.Method, request.Path + request.QueryString, status, _time.GetUtcNow(), body));
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        }
    }

    private (int Status, JsonNode? Body, string? RetryAfter) Answer(HttpRequest request, string? body)
    {
        var path = (request.Path.Value ?? "").TrimEnd('/');
        var method = request.Method;
        if (method == HttpMethods.Post && path == "/oauth/access_token")
            return TokenExchange(body);

        var token = request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : "";
        if (!_tokens.Contains(token))
            return (401, Error("unauthorized"), null);

        var now = _time.GetUtcNow();
        var isList = method == HttpMethods.Get && path == "/api/memberships";
        if (Throttle(_calls, token, RequestsPerMinute, now) is { } wait)
            return (429, Error("rate limit exceeded"), wait);
        if (isList && Throttle(_listCalls, token, MembershipListsPerMinute, now) is { } listWait)
            return (429, Error("rate limit exceeded"), listWait);
        Record(_calls, token, now);
        if (isList)
            Record(_listCalls, token, now);

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method, segments) switch
        {
            ("GET", ["api", "plans"]) => (200, new JsonArray([.. _plans.Values.Select(CobotSimulatorJson.Plan)]), null),
            ("GET", ["api", "space"]) => (200, new JsonObject { ["id"] = SpaceId, ["name"] = "Simulated space" }, null),
            ("GET", ["api", "memberships"]) => (200, new JsonArray([.. _memberships.Values.Select(m => CobotSimulatorJson.Membership(m, _plans))]), null),
            ("GET", ["api", "memberships", var id]) => _memberships.TryGetValue(id, out var m)
                ? (200, CobotSimulatorJson.Membership(m, _plans), null) : (404, Error("not found"), null),
            ("GET", ["api", "memberships", var id, "custom_fields"]) => _memberships.TryGetValue(id, out var m)
                ? (200, CobotSimulatorJson.MembershipFields(m, _fields), null) : (404, Error("not found"), null),
            ("GET", ["api", "custom_fields"]) => (200, new JsonArray([.. _memberships.Values.Select(m => CobotSimulatorJson.MembershipFields(m, _fields))]), null),
            ("GET", ["api", "space", "custom_fields"]) => (200, new JsonArray([.. _fields.Select(f => CobotSimulatorJson.Field(f))]), null),
            ("PUT", ["api", "space", "custom_fields"]) => PutFields(body),
            ("GET", ["api", "subscriptions"]) => (200, new JsonArray([.. _subscriptions.Select(Subscription)]), null),
            ("POST", ["api", "subscriptions"]) => Subscribe(body),
            ("DELETE", ["api", "subscriptions", var id]) => _subscriptions.RemoveAll(s => s.Id == id) > 0 ? (204, null, null) : (404, Error("not found"), null),
            ("POST", ["api", "access_tokens", var t, "space"]) => SpaceOwn(t, body),
            ("DELETE", ["api", "access_tokens", var t]) => _tokens.Remove(t) | _spaceOwnedTokens.Remove(t) ? (204, null, null) : (404, Error("not found"), null),
            ("POST", ["api", "check_in_tokens"]) => RegisterCheckInToken(body),
            ("POST", ["api", "check_ins"]) => CheckIn(body),
            _ => (404, Error("no such route"), null),
        };
    }

    private static string? Throttle(Dictionary<string, List<DateTimeOffset>> calls, string token, int limit, DateTimeOffset now)
    {
        if (!calls.TryGetValue(token, out var list))
            return null;
        list.RemoveAll(t => t <= now - TimeSpan.FromMinutes(1));
        if (list.Count < limit)
            return null;
        var seconds = Math.Max(1, (int)Math.Ceiling((list[0] + TimeSpan.FromMinutes(1) - now).TotalSeconds));
        return seconds.ToString(CultureInfo.InvariantCulture);
    }

    private static void Record(Dictionary<string, List<DateTimeOffset>> calls, string token, DateTimeOffset now)
    {
        if (!calls.TryGetValue(token, out var list))
            calls[token] = list = [];
        list.Add(now);
    }

    private (int, JsonNode?, string?) TokenExchange(string? body)
    {
        var form = QueryHelpers.ParseQuery(body ?? "");
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";
        var code = Field("code");
        if (Field("client_id") != ClientId || Field("client_secret") != ClientSecret || Field("grant_type") != "authorization_code")
            return (401, new JsonObject { ["error"] = "invalid_client" }, null);
        if (!_codes.Remove(code, out var issued) || issued.RedirectUri != Field("redirect_uri"))
            return (400, new JsonObject { ["error"] = "invalid_grant" }, null);
        var token = "tok-" + Guid.NewGuid().ToString("N");
        _tokens.Add(token);
        return (200, new JsonObject { ["access_token"] = token, ["token_type"] = "bearer" }, null);
    }

    private (int, JsonNode?, string?) SpaceOwn(string token, string? body)
    {
        var spaceId = Parse(body)?["space_id"]?.GetValue<string>();
        if (spaceId != SpaceId || !_tokens.Contains(token))
            return (422, Error("invalid space"), null);
        _spaceOwnedTokens.Add(token);
        return (201, new JsonObject { ["access_token"] = token, ["space_id"] = spaceId }, null);
    }

    private (int, JsonNode?, string?) PutFields(string? body)
    {
        if (Parse(body) is not JsonArray list)
            return (422, Error("expected a list"), null);
        var kept = new List<CobotSimField>();
        foreach (var item in list)
        {
            var id = item?["id"]?.GetValue<string>();
            var label = item?["label"]?.GetValue<string>() ?? "";
            kept.Add(new CobotSimField(id ?? "field-" + Interlocked.Increment(ref _nextId), label));
        }
        // Documented: fields the list omits are deleted from the space and from every member.
        var keptIds = kept.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, membership) in _memberships.ToList())
            _memberships[id] = membership with { Fields = membership.Fields.Where(f => keptIds.Contains(f.Key)).ToDictionary() };
        _fields.Clear();
        _fields.AddRange(kept);
        return (200, new JsonArray([.. _fields.Select(f => CobotSimulatorJson.Field(f))]), null);
    }

    private (int, JsonNode?, string?) Subscribe(string? body)
    {
        var json = Parse(body);
        var eventName = json?["event"]?.GetValue<string>();
        var callback = json?["callback_url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(eventName) || !Uri.TryCreate(callback, UriKind.Absolute, out _))
            return (422, Error("invalid"), null);
        if (_subscriptions.Any(s => s.Event == eventName && s.CallbackUrl == callback))
            return (409, Error("duplicate"), null);
        var subscription = new CobotSimSubscription("sub-" + Interlocked.Increment(ref _nextId), eventName, callback!, true);
        _subscriptions.Add(subscription);
        return (201, Subscription(subscription), null);
    }

    private JsonObject Subscription(CobotSimSubscription s) => new()
    {
        ["id"] = s.Id,
        ["event"] = s.Event,
        ["callback_url"] = s.CallbackUrl,
        ["active"] = s.Active,
        ["url"] = new Uri(BaseUrl, $"api/subscriptions/{s.Id}").ToString(),
    };

    private (int, JsonNode?, string?) RegisterCheckInToken(string? body)
    {
        var json = Parse(body);
        var membershipId = json?["membership_id"]?.GetValue<string>();
        var token = json?["token"]?.GetValue<string>();
        if (membershipId is null || token is null || !_memberships.ContainsKey(membershipId))
            return (422, new JsonObject { ["errors"] = new JsonObject { ["base"] = new JsonArray("Membership not found.") } }, null);
        _checkInTokens[token] = membershipId;
        return (201, new JsonObject { ["token"] = token, ["membership_id"] = membershipId }, null);
    }

    /// <summary>Cobot's RFID guide: a member without an active token gets 204 with an empty body, not a check-in.</summary>
    private (int, JsonNode?, string?) CheckIn(string? body)
    {
        var token = Parse(body)?["token"]?.GetValue<string>();
        if (token is null || !_checkInTokens.TryGetValue(token, out var membershipId) || !_memberships.TryGetValue(membershipId, out var membership))
            return (204, null, null);
        if (!membership.HasTimePasses)
            return (422, new JsonObject { ["errors"] = new JsonObject { ["base"] = new JsonArray("No time passes left.") } }, null);
        var now = _time.GetUtcNow();
        _checkIns.Add(new CobotSimCheckIn(membershipId, token, now));
        return (201, new JsonObject
        {
            ["id"] = "ci-" + Interlocked.Increment(ref _nextId),
            ["valid_from"] = CobotSimulatorJson.Time(now),
            ["valid_until"] = CobotSimulatorJson.Time(now.AddHours(12)),
            ["membership"] = new JsonObject { ["id"] = membershipId, ["name"] = membership.Name },
        }, null);
    }

    private static JsonNode? Parse(string? body)
    {
        try
        {
            return string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };
}

public sealed record CobotSimRequest(string Method, string PathAndQuery, int Status, DateTimeOffset At, string? Body);
