using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using CoworkSync.Connectors.Seam;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// <see cref="ICoworksClient"/> over the typed HttpClient that <see cref="CoworksServiceCollectionExtensions.AddCoworksClient"/>
/// registers with its resilience pipeline. One instance serves every space: the key goes on each request.
/// </summary>
public sealed class CoworksClient(HttpClient http, TimeProvider time, ILogger<CoworksClient> logger) : ICoworksClient
{
    public const int PageSize = 100;

    /// <summary>A guard against a server whose <c>total_pages</c> never ends (a million members at 100 a page).</summary>
    private const int MaxPages = 10_000;

    private const int MaxLoggedErrorLength = 512;

    public async IAsyncEnumerable<PlatformMember> ListMembersAsync(CoworksConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var count = 0;
        for (var page = 1; ; page++)
        {
            var operation = $"list members (page {page})";
            var response = await GetAsync(connection, CoworksApiPaths.Members(connection, page, PageSize), operation,
                CoworksJsonContext.Default.CoworksPagedResponseCoworksMember, cancellationToken);
            var members = response.Data ?? throw BadPayload(connection, operation, "it has no data array");
            var totalPages = response.Meta?.TotalPages ?? throw BadPayload(connection, operation, "it has no meta.total_pages");

            foreach (var member in members)
            {
                count++;
                yield return CoworksMapper.ToPlatformMember(member ?? throw BadPayload(connection, operation, "its data array holds null"));
            }

            if (page >= totalPages)
            {
                logger.Listed(count, connection.SpaceId, page);
                yield break;
            }
            if (page >= MaxPages)
                throw BadPayload(connection, operation, $"it reports {totalPages} pages, more than the {MaxPages} this client reads");
        }
    }

    public async Task<PlatformMember?> GetMemberAsync(CoworksConnection connection, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var operation = $"get member {memberId}";
        var response = await GetOrNullAsync(connection, CoworksApiPaths.Member(connection, memberId), operation,
            CoworksJsonContext.Default.CoworksDataResponseCoworksMember, cancellationToken);
        if (response is null)
            return null;
        var member = response.Data ?? throw BadPayload(connection, operation, "it has no data");
        return CoworksMapper.ToPlatformMember(member);
    }

    public async Task<IReadOnlyList<PlatformPlan>> ListPlansAsync(CoworksConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string operation = "list plans";
        var response = await GetAsync(connection, CoworksApiPaths.Plans(connection), operation,
            CoworksJsonContext.Default.CoworksDataResponseIReadOnlyListCoworksPlan, cancellationToken);
        var plans = response.Data ?? throw BadPayload(connection, operation, "it has no data array");
        return plans.Select(plan => plan is { Id: { Length: > 0 } id }
                ? new PlatformPlan(id, plan.Name ?? "")
                : throw BadPayload(connection, operation, "a plan has no id"))
            .ToList();
    }

    public async Task<CoworksCheck> CheckAsync(CoworksConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            var plans = await ListPlansAsync(connection, cancellationToken);
            return new CoworksCheck(CoworksCheckOutcome.Ok,
                $"Connected to Coworks space {connection.SpaceId}; it has {plans.Count} plan(s).", (int)HttpStatusCode.OK) { Plans = plans };
        }
        catch (CoworksApiException ex) when (ex.StatusCode is 401 or 403)
        {
            return new CoworksCheck(CoworksCheckOutcome.CredentialsRejected,
                $"Coworks rejected the API key ({ex.StatusCode}). Check that the key is current and belongs to space {connection.SpaceId}.", ex.StatusCode);
        }
        catch (CoworksApiException ex) when (ex.StatusCode is 404)
        {
            return new CoworksCheck(CoworksCheckOutcome.SpaceNotFound,
                $"Coworks has no space {connection.SpaceId} at {CoworksApiPaths.Origin(connection)} (404). Check the space id and the API base URL.", 404);
        }
        catch (CoworksApiException ex) when (ex.StatusCode is null)
        {
            return new CoworksCheck(CoworksCheckOutcome.Unreachable, ex.Message, null);
        }
        catch (CoworksApiException ex)
        {
            return new CoworksCheck(CoworksCheckOutcome.UnexpectedResponse, ex.Message, ex.StatusCode);
        }
        catch (CoworksPayloadException ex)
        {
            return new CoworksCheck(CoworksCheckOutcome.UnexpectedResponse, ex.Message, (int)HttpStatusCode.OK);
        }
    }

    /// <summary>Sends a GET with the connection's key and reads the JSON answer; a 404 is an error.</summary>
    private async Task<T> GetAsync<T>(CoworksConnection connection, Uri uri, string operation, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        await SendGetAsync(connection, uri, operation, type, notFoundIsNull: false, cancellationToken)
            ?? throw new InvalidOperationException("A GET that treats 404 as an error returned nothing.");

    /// <summary>Sends a GET with the connection's key and reads the JSON answer; null for a 404.</summary>
    private Task<T?> GetOrNullAsync<T>(CoworksConnection connection, Uri uri, string operation, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        SendGetAsync(connection, uri, operation, type, notFoundIsNull: true, cancellationToken);

    private async Task<T?> SendGetAsync<T>(CoworksConnection connection, Uri uri, string operation, JsonTypeInfo<T> type, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await SendAsync(connection, request, operation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
            return null;
        if (!response.IsSuccessStatusCode)
            throw await RefusedAsync(connection, response, operation, cancellationToken);

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        T? body;
        try
        {
            body = CoworksJson.Deserialize(bytes, type, $"Coworks' answer to {operation} in space {connection.SpaceId}");
        }
        catch (CoworksPayloadException ex)
        {
            logger.BadPayload(ex, operation, connection.SpaceId);
            throw;
        }
        return body ?? throw BadPayload(connection, operation, "it is JSON null");
    }

    private async Task<HttpResponseMessage> SendAsync(CoworksConnection connection, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        var host = CoworksApiPaths.Origin(connection);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            logger.Unreachable(ex, operation, connection.SpaceId);
            throw new CoworksApiException($"Calls to Coworks at {host} are paused after repeated failures; could not {operation} in space {connection.SpaceId}.",
                null, isTransient: true, ex.RetryAfter, ex);
        }
        catch (HttpRequestException ex)
        {
            logger.Unreachable(ex, operation, connection.SpaceId);
            throw new CoworksApiException($"Could not reach Coworks at {host} to {operation} in space {connection.SpaceId}: {ex.HttpRequestError}.",
                null, isTransient: true, innerException: ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.Unreachable(ex, operation, connection.SpaceId);
            throw new CoworksApiException($"Coworks at {host} did not answer in time to {operation} in space {connection.SpaceId}.",
                null, isTransient: true, innerException: ex);
        }
    }

    private async Task<CoworksApiException> RefusedAsync(CoworksConnection connection, HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var transient = CoworksApiException.IsTransientStatus(status);
        logger.Refused(status, operation, connection.SpaceId, transient, await ReadErrorDetailAsync(response, connection.ApiKey, cancellationToken));

        var what = status switch
        {
            401 or 403 => "rejected the API key",
            404 => "does not know the space or resource",
            429 => "is throttling requests",
            _ => "refused the request",
        };
        return new CoworksApiException($"Coworks {what} ({status} {response.StatusCode}) to {operation} in space {connection.SpaceId}.",
            status, transient, CoworksRetryAfter.Requested(response, time.GetUtcNow()));
    }

    private static async Task<string> ReadErrorDetailAsync(HttpResponseMessage response, string apiKey, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // An error page that echoes the request must not put the key in the log.
            if (apiKey.Length > 0)
                body = body.Replace(apiKey, "***", StringComparison.Ordinal);
            return body.Length <= MaxLoggedErrorLength ? body : body[..MaxLoggedErrorLength];
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private CoworksPayloadException BadPayload(CoworksConnection connection, string operation, string problem)
    {
        var ex = new CoworksPayloadException($"Coworks' answer to {operation} in space {connection.SpaceId} is not the documented format: {problem}.");
        logger.BadPayload(ex, operation, connection.SpaceId);
        return ex;
    }
}
