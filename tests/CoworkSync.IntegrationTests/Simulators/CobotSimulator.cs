using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoworkSync.IntegrationTests.Support;
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
/// A fake Cobot on real loopback sockets, one per host Cobot documents: <see cref="OAuthBaseUrl"/> plays
/// <c>https://www.cobot.me</c> (OAuth, space details, space-owned tokens) and <see cref="BaseUrl"/> one space's
/// <c>https://{sub}.cobot.me</c> (API1). It serves only the endpoints Cobot documents, each on its own host
/// (<see cref="DocumentedEndpoints"/>); any other call is answered 404 naming its path, recorded in
/// <see cref="Unserved"/>, and fails the test when the simulator is disposed. It follows the documented API:
/// API1 date formats (<c>2010/01/01 12:00:00 +0000</c>, <c>2010/02/01</c>); memberships carry their own plan copy
/// with <c>parent_plan.id</c>; <c>GET /api/plans</c> lists hidden plans to a token; per token at most 60 requests a
/// minute and 6 a minute to <c>GET /api/memberships</c>, else 429 with <c>Retry-After</c> seconds; a space-owned token
/// is a new token with the scope of the one that created it; subscriptions (409 on a duplicate event and URL) that
/// <see cref="DeactivateSubscription"/> turns off as Cobot does after failed deliveries;
/// <c>PUT /api/space/custom_fields</c> deleting every field it omits, from the space and every member; check-ins
/// answering 201, 422 without time passes, or 204 (empty) for a token it does not have (any more). Bearer tokens are
/// checked (401). Every request is recorded. Its clock is a <see cref="TimeProvider"/>, so a test can move the minute
/// on without waiting.
/// </summary>
public sealed partial class CobotSimulator : IAsyncDisposable
{
    public const int RequestsPerMinute = 60;
    public const int MembershipListsPerMinute = 6;

    /// <summary>A delivery and its 10 retries (about 20 h at Cobot) failing deactivates the subscription.</summary>
    public const int FailedDeliveriesBeforeDeactivation = 11;

    private readonly WebApplication _www;
    private readonly WebApplication _space;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CobotSimPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CobotSimMembership> _memberships = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CobotSimMembership> _deleted = new(StringComparer.Ordinal);
    private readonly List<CobotSimField> _fields = [];
    private readonly List<CobotSimSubscription> _subscriptions = [];
    private readonly List<CobotSimCheckIn> _checkIns = [];
    private readonly Dictionary<string, string> _checkInTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spaceOwnedTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _spaceTokensMadeFrom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CobotSimUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tokenUsers = new(StringComparer.Ordinal);
    private string? _browserUser;
    private readonly Dictionary<string, List<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _listCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CobotSimRequest> _requests = new();
    private readonly List<CobotSimRequest> _unserved = [];
    private readonly Dictionary<string, int> _failedDeliveries = new(StringComparer.Ordinal);
    private readonly List<CobotSimBreak> _breaks = [];
    private TaskCompletionSource _gate = Open();
    private string _timeZoneName = "Europe/Berlin";
    private int _nextId = 1000;

    private CobotSimulator(WebApplication www, WebApplication space, TimeProvider time)
    {
        _www = www;
        _space = space;
        _time = time;
        _www.Run(context => HandleAsync(context, CobotSimHost.Www));
        _space.Run(context => HandleAsync(context, CobotSimHost.Space));
    }

    /// <summary>The space's id, in the form Cobot documents (<c>space-co-up</c>).</summary>
    public const string SpaceId = "space-co-up";
    public const string Subdomain = "co-up";
    public const string ClientId = "sim-client-id";
    public const string ClientSecret = "sim-client-secret";

    /// <summary>The space's API1 host: <c>https://{sub}.cobot.me</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Cobot's <c>https://www.cobot.me</c>: OAuth, space details, access tokens.</summary>
    public Uri OAuthBaseUrl { get; private set; } = null!;

    public IReadOnlyList<CobotSimRequest> Requests => [.. _requests];

    public int RequestCount => _requests.Count;

    /// <summary>Calls to endpoints the simulator does not serve (none documented there): each failed with 404.</summary>
    public IReadOnlyList<CobotSimRequest> Unserved
    {
        get
        {
            lock (_lock)
                return [.. _unserved];
        }
    }

    /// <summary>The unserved calls so far, forgotten: for a test that makes one on purpose (disposing then passes).</summary>
    public IReadOnlyList<CobotSimRequest> TakeUnserved()
    {
        lock (_lock)
        {
            var taken = _unserved.ToList();
            _unserved.Clear();
            return taken;
        }
    }

    /// <summary>The space's <c>time_zone_name</c> (<c>Europe/Berlin</c> unless a test moves it).</summary>
    public string TimeZoneName
    {
        get
        {
            lock (_lock)
                return _timeZoneName;
        }
        set
        {
            lock (_lock)
                _timeZoneName = value;
        }
    }

    public static async Task<CobotSimulator> StartAsync(TimeProvider? time = null)
    {
        var simulator = new CobotSimulator(Server(), Server(), time ?? TimeProvider.System);
        simulator.OAuthBaseUrl = await StartAsync(simulator._www);
        simulator.BaseUrl = await StartAsync(simulator._space);
        return simulator;
    }

    private static WebApplication Server()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }

    private static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address.TrimEnd('/') + "/");
    }

    // ---- arranging the world -------------------------------------------------------------------------------

    /// <summary>A token Cobot issued (an operator created it at Cobot), with <paramref name="scopes"/>.</summary>
    public CobotSimulator AddToken(string token, params string[] scopes)
    {
        lock (_lock)
            _tokens.Add(token, scopes);
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
            return _tokens.ContainsKey(token);
    }

    public bool IsSpaceOwned(string token)
    {
        lock (_lock)
            return _spaceOwnedTokens.Contains(token);
    }

    /// <summary>The scope of a token Cobot accepts; null for one it does not.</summary>
    public IReadOnlyList<string>? ScopeOf(string token)
    {
        lock (_lock)
            return _tokens.GetValueOrDefault(token);
    }

    /// <summary>The space's token Cobot last created from <paramref name="token"/>; null when none was.</summary>
    public string? SpaceTokenMadeFrom(string token)
    {
        lock (_lock)
            return _spaceTokensMadeFrom.GetValueOrDefault(token);
    }

    /// <summary>Every space token Cobot created, revoked ones included.</summary>
    public IReadOnlyList<string> SpaceTokens
    {
        get
        {
            lock (_lock)
                return [.. _spaceTokensMadeFrom.Values];
        }
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

    /// <summary>A Cobot user, with their memberships in this space and any others.</summary>
    public CobotSimulator AddUser(CobotSimUser user)
    {
        lock (_lock)
            _users[user.Id] = user;
        return this;
    }

    /// <summary>
    /// The user signed in to Cobot in the browser that opens the authorize page: the codes it issues from now on are
    /// theirs, and so is <c>GET /api/user</c> with the tokens exchanged for them. Null: nobody (an admin's own flow).
    /// </summary>
    public string? BrowserUser
    {
        get
        {
            lock (_lock)
                return _browserUser;
        }
        set
        {
            lock (_lock)
                _browserUser = value;
        }
    }

    /// <summary>
    /// What Cobot's authorize page does when the admin allows access, without the browser: a code bound to the client,
    /// the redirect URI and the scopes. <c>GET {OAuthBaseUrl}oauth/authorize</c> does the same over HTTP.
    /// </summary>
    public string Authorize(string clientId, string redirectUri, params string[] scopes)
    {
        var code = "code-" + Guid.NewGuid().ToString("N")[..12];
        lock (_lock)
            _codes[code] = new IssuedCode(clientId, redirectUri, scopes, null, _browserUser);
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

    /// <summary>Stops both hosts; then fails if the product called an endpoint the simulator does not serve.</summary>
    public async ValueTask DisposeAsync()
    {
        Release();
        foreach (var app in new[] { _www, _space })
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        var unserved = TakeUnserved();
        if (unserved.Count > 0)
        {
            throw new InvalidOperationException("Calls to endpoints Cobot does not document (the simulator answered 404): "
                + string.Join("; ", unserved.Select(r => $"{r.Method} {r.Host} {r.PathAndQuery}")));
        }
    }

    /// <summary>
    /// Until <see cref="Heal"/>, requests with <paramref name="method"/> and <paramref name="path"/> (and, given
    /// <paramref name="when"/>, a body it accepts) are answered <paramref name="status"/> with the raw
    /// <paramref name="body"/> (none when null) instead of what Cobot would answer: an outage, a proxy in the way, a
    /// refusal. They are recorded, but not counted against the rate limits. Only a documented endpoint can be broken.
    /// </summary>
    public void Break(string method, string path, int status, string? body = null, Func<string?, bool>? when = null)
    {
        if (!DocumentedEndpoints.Any(e => e.Matches(method, path, out _)))
            throw new ArgumentException($"{method} {path} is not an endpoint the simulator serves: break a documented one.", nameof(path));
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

    private async Task HandleAsync(HttpContext context, CobotSimHost host)
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
        var path = (request.Path.Value ?? "").TrimEnd('/');
        Answer answer;
        CobotSimRequest recorded;
        lock (_lock)
        {
            answer = Serve(host, request, path, body);
            recorded = new CobotSimRequest(request.Method, request.Path + request.QueryString, answer.Status, _time.GetUtcNow(), body, host);
            if (answer.Unserved)
                _unserved.Add(recorded);
        }
        _requests.Enqueue(recorded);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Location is not null)
            context.Response.Headers.Location = answer.Location;
        if (answer.RawBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.RawBody);
        }
    }

    /// <summary>The documented endpoint on this host answers (or its <see cref="Break"/>); anything else is a 404 naming the path.</summary>
    private Answer Serve(CobotSimHost host, HttpRequest request, string path, string? body)
    {
        IReadOnlyList<string> values = [];
        var served = Endpoints.FirstOrDefault(e => e.Endpoint.Host == host && e.Endpoint.Matches(request.Method, path, out values));
        if (served is null)
        {
            return new Answer(404, new JsonObject
            {
                ["error"] = $"{request.Method} {path} is not a documented Cobot endpoint on this host ({host})",
                ["method"] = request.Method,
                ["host"] = host.ToString(),
                ["path"] = path,
            }) { Unserved = true };
        }
        if (_breaks.LastOrDefault(b => b.Matches(request.Method, path, body)) is { } broken)
            return new Answer(broken.Status) { RawBody = broken.Body };

        if (served.NeedsToken)
        {
            var token = request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : "";
            if (!_tokens.ContainsKey(token))
                return new Answer(401, Error("unauthorized"));
            var now = _time.GetUtcNow();
            if (Throttle(_calls, token, RequestsPerMinute, now) is { } wait)
                return new Answer(429, Error("rate limit exceeded"), wait);
            if (served.MembershipList && Throttle(_listCalls, token, MembershipListsPerMinute, now) is { } listWait)
                return new Answer(429, Error("rate limit exceeded"), listWait);
            Record(_calls, token, now);
            if (served.MembershipList)
                Record(_listCalls, token, now);
        }
        var bearer = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        return served.Answer(this, new Call(values, body, (request.QueryString.Value ?? "").TrimStart('?'), bearer));
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

    // ---- the endpoints' answers (the list: CobotSimulatorEndpoints.cs) ---------------------------------------

    /// <summary>
    /// The authorize page, the admin allowing access at once: back to <c>redirect_uri</c> with a code and the
    /// <c>state</c>. A query that is not RFC 3986, or a wrong client, response type or redirect URI, is refused (400).
    /// </summary>
    private Answer AuthorizePage(Call call)
    {
        if (StrictUri.ParseQuery(call.Query) is not { } query)
            return new Answer(400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "the query is not RFC 3986" });
        string Field(string name) => query.GetValueOrDefault(name) ?? "";
        if (Field("response_type") != "code" || Field("client_id") != ClientId || StrictUri.Parse(Field("redirect_uri")) is null)
            return new Answer(400, new JsonObject { ["error"] = "invalid_request" });
        // PKCE (RFC 7636), as Cobot's OAuth metadata lists it: S256 only; a challenge without its method is refused.
        var challenge = query.GetValueOrDefault("code_challenge");
        if (challenge is not null && Field("code_challenge_method") != "S256")
            return new Answer(400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "code_challenge_method must be S256" });
        var scopes = Field("scope").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = "code-" + Guid.NewGuid().ToString("N")[..12];
        _codes[code] = new IssuedCode(ClientId, Field("redirect_uri"), scopes, challenge, _browserUser);
        var redirect = Field("redirect_uri");
        return new Answer(302, Location: $"{redirect}{(redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(Field("state"))}");
    }

    private Answer TokenExchange(Call call)
    {
        var form = QueryHelpers.ParseQuery(call.Body ?? "");
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";
        var code = Field("code");
        if (Field("client_id") != ClientId || Field("client_secret") != ClientSecret || Field("grant_type") != "authorization_code")
            return new Answer(401, new JsonObject { ["error"] = "invalid_client" });
        if (!_codes.Remove(code, out var issued) || issued.RedirectUri != Field("redirect_uri"))
            return new Answer(400, new JsonObject { ["error"] = "invalid_grant" });
        if (issued.CodeChallenge is { } challenge && Pkce(Field("code_verifier")) != challenge)
            return new Answer(400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "code_verifier does not match the code_challenge" });
        var token = "tok-" + Guid.NewGuid().ToString("N");
        _tokens.Add(token, issued.Scopes);
        if (issued.UserId is not null)
            _tokenUsers[token] = issued.UserId;
        return new Answer(200, new JsonObject { ["access_token"] = token, ["token_type"] = "bearer" });
    }

    private static string Pkce(string verifier) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The signed-in user of the token, as https://dev.cobot.me/api-docs/users shows them; 403 without <c>read_user</c>.</summary>
    private Answer CurrentUser(string token)
    {
        if (!_tokens.TryGetValue(token, out var scopes) || !scopes.Contains("read_user"))
            return new Answer(403, Error("the token's scope has no read_user"));
        if (!_tokenUsers.TryGetValue(token, out var userId) || !_users.TryGetValue(userId, out var user))
            return new Answer(404, Error("no user"));
        return new Answer(200, new JsonObject
        {
            ["id"] = user.Id,
            ["email"] = user.Email,
            ["memberships"] = new JsonArray([.. user.Memberships.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["space_subdomain"] = m.SpaceSubdomain,
                ["space_name"] = m.SpaceName,
                ["space_link"] = new Uri(OAuthBaseUrl, $"api/spaces/{m.SpaceSubdomain}").ToString(),
                ["link"] = m.SpaceSubdomain == Subdomain ? new Uri(BaseUrl, $"api/memberships/{m.Id}").ToString() : $"https://{m.SpaceSubdomain}.cobot.me/api/memberships/{m.Id}",
            })]),
            ["admin_of"] = new JsonArray(),
        });
    }

    private Answer SpaceDetails(Call call) => call.Values[0] != Subdomain
        ? new Answer(404, Error("not found"))
        : new Answer(200, new JsonObject
        {
            ["name"] = "Co-Up (simulated)",
            ["id"] = SpaceId,
            ["url"] = BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["subdomain"] = Subdomain,
            ["country"] = "Germany",
            ["locale"] = "de-DE",
            ["time_zone_name"] = _timeZoneName,
            ["hour_format"] = 24,
        });

    /// <summary>Cobot creates a new token belonging to the space, with the scope of the one that created it.</summary>
    private Answer CreateSpaceToken(Call call)
    {
        var token = call.Values[0];
        var spaceId = Parse(call.Body)?["space_id"]?.GetValue<string>();
        if (spaceId != SpaceId || !_tokens.TryGetValue(token, out var scope))
            return new Answer(422, Error("invalid space"));
        var spaceToken = "space-tok-" + Guid.NewGuid().ToString("N");
        _tokens.Add(spaceToken, scope);
        _spaceOwnedTokens.Add(spaceToken);
        _spaceTokensMadeFrom[token] = spaceToken;
        return new Answer(201, new JsonObject { ["scope"] = new JsonArray([.. scope.Select(s => JsonValue.Create(s))]), ["token"] = spaceToken, ["client_id"] = ClientId });
    }

    private Answer Revoke(Call call) =>
        _tokens.Remove(call.Values[0]) | _spaceOwnedTokens.Remove(call.Values[0]) ? new Answer(204) : new Answer(404, Error("not found"));

    private Answer ListPlans() => new(200, new JsonArray([.. _plans.Values.Select(CobotSimulatorJson.Plan)]));

    private Answer ListMemberships() => new(200, new JsonArray([.. _memberships.Values.Select(m => CobotSimulatorJson.Membership(m, _plans))]));

    private Answer GetMembership(Call call) => _memberships.TryGetValue(call.Values[0], out var m)
        ? new Answer(200, CobotSimulatorJson.Membership(m, _plans))
        : new Answer(404, Error("not found"));

    private Answer GetMembershipFields(Call call) => _memberships.TryGetValue(call.Values[0], out var m)
        ? new Answer(200, CobotSimulatorJson.MembershipFields(m, _fields))
        : new Answer(404, Error("not found"));

    private Answer ListMembershipFields() => new(200, new JsonArray([.. _memberships.Values.Select(m => CobotSimulatorJson.MembershipFields(m, _fields))]));

    private Answer ListSpaceFields() => new(200, new JsonArray([.. _fields.Select(f => CobotSimulatorJson.Field(f))]));

    private Answer PutFields(Call call)
    {
        if (Parse(call.Body) is not JsonArray list)
            return new Answer(422, Error("expected a list"));
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
        return new Answer(200, new JsonArray([.. _fields.Select(f => CobotSimulatorJson.Field(f))]));
    }

    private Answer ListSubscriptions() => new(200, new JsonArray([.. _subscriptions.Select(Subscription)]));

    private Answer Subscribe(Call call)
    {
        var json = Parse(call.Body);
        var eventName = json?["event"]?.GetValue<string>();
        var callback = json?["callback_url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(eventName) || !Uri.TryCreate(callback, UriKind.Absolute, out _))
            return new Answer(422, Error("invalid"));
        if (_subscriptions.Any(s => s.Event == eventName && s.CallbackUrl == callback))
            return new Answer(409, Error("duplicate"));
        var subscription = new CobotSimSubscription("sub-" + Interlocked.Increment(ref _nextId), eventName, callback!, true);
        _subscriptions.Add(subscription);
        return new Answer(201, Subscription(subscription));
    }

    private Answer Unsubscribe(Call call) =>
        _subscriptions.RemoveAll(s => s.Id == call.Values[0]) > 0 ? new Answer(204) : new Answer(404, Error("not found"));

    private JsonObject Subscription(CobotSimSubscription s) => new()
    {
        ["id"] = s.Id,
        ["event"] = s.Event,
        ["callback_url"] = s.CallbackUrl,
        ["active"] = s.Active,
        ["url"] = new Uri(BaseUrl, $"api/subscriptions/{s.Id}").ToString(),
    };

    private Answer RegisterCheckInToken(Call call)
    {
        var json = Parse(call.Body);
        var membershipId = json?["membership_id"]?.GetValue<string>();
        var token = json?["token"]?.GetValue<string>();
        if (membershipId is null || token is null || !_memberships.ContainsKey(membershipId))
            return new Answer(422, new JsonObject { ["errors"] = new JsonObject { ["base"] = new JsonArray("Membership not found.") } });
        _checkInTokens[token] = membershipId;
        return new Answer(201, new JsonObject { ["token"] = token, ["membership_id"] = membershipId });
    }

    /// <summary>Cobot's RFID guide: a member without an active token gets 204 with an empty body, not a check-in.</summary>
    private Answer CheckIn(Call call)
    {
        var token = Parse(call.Body)?["token"]?.GetValue<string>();
        if (token is null || !_checkInTokens.TryGetValue(token, out var membershipId) || !_memberships.TryGetValue(membershipId, out var membership))
            return new Answer(204);
        if (!membership.HasTimePasses)
            return new Answer(422, new JsonObject { ["errors"] = new JsonObject { ["base"] = new JsonArray("No time passes left.") } });
        var now = _time.GetUtcNow();
        _checkIns.Add(new CobotSimCheckIn(membershipId, token, now));
        return new Answer(201, new JsonObject
        {
            ["id"] = "ci-" + Interlocked.Increment(ref _nextId),
            ["valid_from"] = CobotSimulatorJson.Time(now),
            ["valid_until"] = CobotSimulatorJson.Time(now.AddHours(12)),
            ["membership"] = new JsonObject { ["id"] = membershipId, ["name"] = membership.Name },
        });
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

/// <summary>An authorization code as the authorize page issued it: for whom, where to, with what PKCE challenge.</summary>
internal sealed record IssuedCode(string ClientId, string RedirectUri, IReadOnlyList<string> Scopes, string? CodeChallenge, string? UserId);

/// <param name="Host">Which of Cobot's hosts was called.</param>
public sealed record CobotSimRequest(string Method, string PathAndQuery, int Status, DateTimeOffset At, string? Body, CobotSimHost Host);
