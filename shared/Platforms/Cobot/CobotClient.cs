using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Connectors.Seam;
using Microsoft.Extensions.Logging;
using Polly.RateLimiting;
using Polly.Timeout;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot API1 over the typed HttpClient that <see cref="CobotServiceCollectionExtensions.AddCobotClient"/> registers
/// with its resilience pipeline (<see cref="CobotResilience"/>). Every request carries <c>Authorization: Bearer {token}</c> and JSON.
/// Failures become <see cref="CobotApiException"/> (with status and whether it is transient) or
/// <see cref="CobotPayloadException"/>; messages never hold a token.
/// </summary>
public sealed class CobotClient(HttpClient http, TimeProvider time, ILogger<CobotClient> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>GET /api/plans</c>, hidden plans included (the token has <c>read_plans</c>).</summary>
    public Task<IReadOnlyList<CobotPlan>> ListPlansAsync(CobotConnection connection, CancellationToken cancellationToken) =>
        ListAsync<CobotPlan>(connection, "api/plans", "list plans", cancellationToken);

    /// <summary><c>GET /api/memberships</c>: the space's current memberships, one request (API1 does not page).</summary>
    public Task<IReadOnlyList<CobotMembership>> ListMembershipsAsync(CobotConnection connection, CancellationToken cancellationToken) =>
        ListAsync<CobotMembership>(connection, "api/memberships", "list memberships", cancellationToken);

    /// <summary><c>GET /api/memberships/{id}</c>; null when Cobot answers 404 (deleted).</summary>
    public Task<CobotMembership?> GetMembershipAsync(CobotConnection connection, string membershipId, CancellationToken cancellationToken) =>
        SendAsync<CobotMembership>(connection, HttpMethod.Get, $"api/memberships/{Uri.EscapeDataString(membershipId)}", null, "get a membership", true, cancellationToken);

    /// <summary><c>GET /api/custom_fields</c>: every membership's custom fields in one request.</summary>
    public Task<IReadOnlyList<CobotMembershipFields>> ListMembershipFieldsAsync(CobotConnection connection, CancellationToken cancellationToken) =>
        ListAsync<CobotMembershipFields>(connection, "api/custom_fields", "list custom field values", cancellationToken);

    /// <summary><c>GET /api/memberships/{id}/custom_fields</c>; null on 404.</summary>
    public Task<CobotMembershipFields?> GetMembershipFieldsAsync(CobotConnection connection, string membershipId, CancellationToken cancellationToken) =>
        SendAsync<CobotMembershipFields>(connection, HttpMethod.Get, $"api/memberships/{Uri.EscapeDataString(membershipId)}/custom_fields", null, "get a membership's custom fields", true, cancellationToken);

    /// <summary><c>GET /api/space/custom_fields</c>: the space's field definitions.</summary>
    public Task<IReadOnlyList<CobotCustomField>> ListSpaceFieldsAsync(CobotConnection connection, CancellationToken cancellationToken) =>
        ListAsync<CobotCustomField>(connection, "api/space/custom_fields", "list the space's custom fields", cancellationToken);

    /// <summary>
    /// <c>PUT /api/space/custom_fields</c> with the <b>whole</b> list: Cobot deletes every field the list omits, from
    /// the space and every member. Callers pass what they just read plus their addition.
    /// </summary>
    public async Task<IReadOnlyList<CobotCustomField>> PutSpaceFieldsAsync(CobotConnection connection, IReadOnlyList<CobotCustomField> fields, CancellationToken cancellationToken)
    {
        var body = fields.Select(f => f.Id is null ? (object)new { label = f.Label } : new { id = f.Id, label = f.Label }).ToList();
        return await SendAsync<List<CobotCustomField>>(connection, HttpMethod.Put, "api/space/custom_fields", body, "replace the space's custom fields", false, cancellationToken) ?? [];
    }

    /// <summary>
    /// <c>GET {oauthBase}/api/spaces/{subdomain}</c>, on the www host where Cobot documents it: the space, with the id a
    /// space-owned token needs and the time zone its members' days follow.
    /// </summary>
    public async Task<CobotSpace> GetSpaceAsync(Uri oauthBaseUrl, string subdomain, string accessToken, CancellationToken cancellationToken) =>
        await SendAsync<CobotSpace>(new CobotConnection(oauthBaseUrl, accessToken), HttpMethod.Get, $"api/spaces/{Uri.EscapeDataString(subdomain)}", null,
            $"get space {subdomain}", false, cancellationToken)
            ?? throw new CobotPayloadException($"Cobot's answer to get space {subdomain} is empty.");

    public Task<IReadOnlyList<CobotSubscription>> ListSubscriptionsAsync(CobotConnection connection, CancellationToken cancellationToken) =>
        ListAsync<CobotSubscription>(connection, "api/subscriptions", "list webhook subscriptions", cancellationToken);

    /// <summary><c>POST /api/subscriptions</c>; the subscription created, or null when Cobot answers 409 (it has an identical one).</summary>
    public async Task<CobotSubscription?> CreateSubscriptionAsync(CobotConnection connection, string eventName, Uri callbackUrl, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<CobotSubscription>(connection, HttpMethod.Post, "api/subscriptions", new { @event = eventName, callback_url = callbackUrl.ToString() },
                $"subscribe to {eventName}", false, cancellationToken)
                ?? throw new CobotPayloadException($"Cobot's answer to subscribe to {eventName} is empty.");
        }
        catch (CobotApiException ex) when (ex.StatusCode == 409)
        {
            return null;
        }
    }

    /// <summary>Deletes a subscription by the <c>url</c> Cobot gave it (it must be on the connection's host).</summary>
    public async Task DeleteSubscriptionAsync(CobotConnection connection, CobotSubscription subscription, CancellationToken cancellationToken)
    {
        var path = subscription.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && SameOrigin(uri, connection.ApiBaseUrl)
            ? uri.PathAndQuery
            : $"api/subscriptions/{Uri.EscapeDataString(subscription.Id ?? "")}";
        await SendAsync<JsonElement?>(connection, HttpMethod.Delete, path, null, "delete a webhook subscription", true, cancellationToken);
    }

    /// <summary><c>POST /api/check_in_tokens</c>: registers <paramref name="token"/> for the membership (409/422 for one that exists count as done).</summary>
    public async Task RegisterCheckInTokenAsync(CobotConnection connection, string membershipId, string token, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<JsonElement?>(connection, HttpMethod.Post, "api/check_in_tokens", new CobotCheckInTokenRequest(membershipId, token), "register a check-in token", false, cancellationToken);
        }
        catch (CobotApiException ex) when (ex.StatusCode is 409)
        {
            // Registered before: what we wanted.
        }
    }

    /// <summary>
    /// <c>POST /api/check_ins</c> with the member's check-in token: a check-in is an answer with <c>valid_until</c>
    /// (201); 422 is a refusal (reason kept); a 204 or any other answer without <c>valid_until</c> is not a check-in
    /// either: Cobot answers 204 when the member has no active check-in token.
    /// </summary>
    public async Task<CobotCheckInResult> CheckInAsync(CobotConnection connection, string token, CancellationToken cancellationToken)
    {
        using var request = Request(connection, HttpMethod.Post, "api/check_ins", new { token });
        using var response = await SendRawAsync(request, connection, "check in", cancellationToken);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            return new CobotCheckInResult(false, await ErrorTextAsync(response, cancellationToken));
        if (!response.IsSuccessStatusCode)
            throw Refused(connection, response, "check in");
        var status = (int)response.StatusCode;
        return ValidUntil(await response.Content.ReadAsByteArrayAsync(cancellationToken)) is { } validUntil
            ? new CobotCheckInResult(true, null, validUntil)
            : new CobotCheckInResult(false, status == 204
                ? "Cobot did not check the member in: the check-in token is not active at Cobot (204). A new one is registered next time."
                : $"Cobot did not check the member in: its answer ({status}) has no valid_until. A new check-in token is registered next time.",
                TokenInactive: true);
    }

    private static string? ValidUntil(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("valid_until", out var v)
                && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The OAuth code exchange at <c>{oauthBase}/oauth/access_token</c>, with the PKCE verifier when the authorize
    /// request carried its challenge; the token, never logged.
    /// </summary>
    public async Task<string> ExchangeCodeAsync(Uri oauthBaseUrl, string clientId, string clientSecret, string code, Uri redirectUri, CancellationToken cancellationToken,
        string? codeVerifier = null)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = redirectUri.AbsoluteUri,
        };
        if (codeVerifier is not null)
            form["code_verifier"] = codeVerifier;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(oauthBaseUrl, "oauth/access_token")) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var origin = new CobotConnection(oauthBaseUrl, "");
        using var response = await SendRawAsync(request, origin, "exchange the authorization code", cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw Refused(origin, response, "exchange the authorization code");
        var token = await ReadAsync<CobotTokenResponse>(response, origin, "exchange the authorization code", cancellationToken);
        return token?.AccessToken is { Length: > 0 } accessToken
            ? accessToken
            : throw new CobotPayloadException("Cobot's token answer has no access_token.");
    }

    /// <summary>
    /// <c>POST {oauthBase}/api/access_tokens/{token}/space</c>: Cobot creates a new token that belongs to the space (so
    /// it outlives the admin who connected it), with the scope of <paramref name="accessToken"/>, and answers it in
    /// <c>token</c>. Returns that new token; <paramref name="accessToken"/> stays as it was.
    /// </summary>
    public async Task<string> CreateSpaceTokenAsync(Uri oauthBaseUrl, string accessToken, string spaceId, CancellationToken cancellationToken)
    {
        var connection = new CobotConnection(oauthBaseUrl, accessToken);
        var answer = await SendAsync<CobotSpaceToken>(connection, HttpMethod.Post, $"api/access_tokens/{Uri.EscapeDataString(accessToken)}/space",
            new { space_id = spaceId }, "create the space's access token", false, cancellationToken);
        return answer?.Token is { Length: > 0 } token
            ? token
            : throw new CobotPayloadException("Cobot's answer to create the space's access token has no token.");
    }

    /// <summary>
    /// <c>GET {oauthBase}/api/user</c> (scope <c>read_user</c>): the signed-in user, with their memberships. Cobot's rule:
    /// identify a user by <c>id</c>, never by the email (users change it).
    /// </summary>
    public async Task<CobotSignedInUser> GetUserAsync(Uri oauthBaseUrl, string accessToken, CancellationToken cancellationToken) =>
        await SendAsync<CobotSignedInUser>(new CobotConnection(oauthBaseUrl, accessToken), HttpMethod.Get, "api/user", null, "read the signed-in user", false, cancellationToken)
            ?? throw new CobotPayloadException("Cobot's answer about the signed-in user is empty.");

    /// <summary><c>DELETE {oauthBase}/api/access_tokens/{token}</c>: revokes the token (one Cobot no longer knows is revoked already).</summary>
    public async Task RevokeTokenAsync(Uri oauthBaseUrl, string accessToken, CancellationToken cancellationToken) =>
        await SendAsync<JsonElement?>(new CobotConnection(oauthBaseUrl, accessToken), HttpMethod.Delete, $"api/access_tokens/{Uri.EscapeDataString(accessToken)}",
            null, "revoke the token", true, cancellationToken);

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private async Task<T?> SendAsync<T>(CobotConnection connection, HttpMethod method, string path, object? body, string operation, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        using var request = Request(connection, method, path, body);
        using var response = await SendRawAsync(request, connection, operation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
            return default;
        if (!response.IsSuccessStatusCode)
            throw Refused(connection, response, operation);
        if (response.StatusCode == HttpStatusCode.NoContent)
            return default;
        return await ReadAsync<T>(response, connection, operation, cancellationToken);
    }

    /// <summary>
    /// A list endpoint. Only a JSON array is a list: a 204, an empty body, JSON <c>null</c>, an object or a <c>null</c>
    /// item is a <see cref="CobotPayloadException"/>, so a broken answer can never read as "the space has nothing"
    /// (which a sync would take as every member gone); so is an answer that says it is one page of more
    /// (<see cref="CobotListPaging"/>). An empty array is honoured.
    /// </summary>
    private async Task<IReadOnlyList<T>> ListAsync<T>(CobotConnection connection, string path, string operation, CancellationToken cancellationToken) where T : class
    {
        using var request = Request(connection, HttpMethod.Get, path, null);
        using var response = await SendRawAsync(request, connection, operation, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw Refused(connection, response, operation);
        var list = await ReadAsync<List<T?>>(response, connection, operation, cancellationToken);
        if (list is null || list.Contains(null))
        {
            var error = new CobotPayloadException($"Cobot's answer to {operation} ({(int)response.StatusCode}) is not a JSON array of items.");
            logger.BadPayload(error, operation, connection.ApiBaseUrl.Authority);
            throw error;
        }
        if (CobotListPaging.PageSign(response, list.Count) is { } page)
        {
            var error = new CobotPayloadException($"Cobot's answer to {operation} is one page of a longer list ({page}); Cobot documents these lists unpaged, so none of it is used.");
            logger.BadPayload(error, operation, connection.ApiBaseUrl.Authority);
            throw error;
        }
        return [.. list.OfType<T>()];
    }

    private static HttpRequestMessage Request(CobotConnection connection, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, connection.Url(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        return request;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CobotConnection connection, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.Unreachable(ex, operation, connection.ApiBaseUrl.Authority);
            throw new CobotApiException($"Could not reach Cobot at {connection.ApiBaseUrl.Authority} to {operation}: {ex.HttpRequestError}.", null, true, null, ex);
        }
        catch (RateLimiterRejectedException ex)
        {
            // Not sent: the token's next free slot (or the end of a 429's block) is further away than Cobot:MaxWait.
            logger.NotSent(operation, connection.ApiBaseUrl.Authority, ex.RetryAfter);
            throw new CobotApiException($"Cobot's rate limit for this token leaves no slot soon enough to {operation} at {connection.ApiBaseUrl.Authority}; try again later.",
                null, true, ex.RetryAfter, ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.Unreachable(ex, operation, connection.ApiBaseUrl.Authority);
            throw new CobotApiException($"Cobot at {connection.ApiBaseUrl.Authority} did not answer in time to {operation}.", null, true, null, ex);
        }
    }

    private CobotApiException Refused(CobotConnection connection, HttpResponseMessage response, string operation)
    {
        var status = (int)response.StatusCode;
        var transient = CobotApiException.IsTransientStatus(status);
        logger.Refused(status, operation, connection.ApiBaseUrl.Authority, transient);
        var what = status switch
        {
            401 => "rejected the access token (revoked or expired)",
            403 => "refused the access token (missing scope or admin rights)",
            404 => "does not know the resource",
            429 => "is throttling requests",
            _ => "refused the request",
        };
        var retryAfter = status == 429 ? RetryAfterHeader.Read(response, time.GetUtcNow()) : null;
        return new CobotApiException($"Cobot {what} ({status}) to {operation} at {connection.ApiBaseUrl.Authority}.", status, transient, retryAfter);
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, CobotConnection connection, string operation, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
            return default;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json);
        }
        catch (JsonException ex)
        {
            var error = new CobotPayloadException($"Cobot's answer to {operation} is not the documented format at {ex.Path ?? "$"}.", ex);
            logger.BadPayload(error, operation, connection.ApiBaseUrl.Authority);
            throw error;
        }
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("errors", out var errors))
            {
                if (errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty("base", out var b))
                    return Flatten(b);
                return Flatten(errors);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text as is.
        }
        return text.Length > 300 ? text[..300] : text;
    }

    private static string Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => string.Join("; ", element.EnumerateArray().Select(Flatten)),
        JsonValueKind.String => element.GetString() ?? "",
        _ => element.GetRawText(),
    };
}
