using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>The calls the demo makes to a running CoworkSync: health, the admin API with the function key, webhooks.</summary>
public sealed class CoworkSyncAdminClient(Uri appUrl, string functionKey) : IDisposable
{
    private readonly HttpClient _http = Create(appUrl, functionKey);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("/api/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>PUTs the JSON body and throws with CoworkSync's answer unless it succeeds.</summary>
    public async Task PutAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(path, body, cancellationToken);
        await EnsureSuccessAsync(response, "PUT " + path, cancellationToken);
    }

    /// <summary>The member as the admin API shows it, or <c>null</c> when CoworkSync does not know the member yet.</summary>
    public async Task<JsonElement?> MemberAsync(string connectorId, string memberId, CancellationToken cancellationToken)
    {
        var path = $"/api/admin/connectors/{Uri.EscapeDataString(connectorId)}/members/{Uri.EscapeDataString(memberId)}";
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, "GET " + path, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Delivers a signed webhook; 202 (accepted) and 200 (already accepted) are both fine.</summary>
    public async Task<HttpStatusCode> SendWebhookAsync(string connectorId, CoworksWebhookRequest webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        using var request = webhook.ToRequest(connectorId);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "webhook " + webhook.EventId, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>POSTs to the admin API and throws with CoworkSync's answer unless it succeeds.</summary>
    public async Task PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(path, null, cancellationToken);
        await EnsureSuccessAsync(response, "POST " + path, cancellationToken);
    }

    /// <summary>The id of the newest dead letter of the connector with this reason that waits for support; null when none does.</summary>
    public async Task<string?> OpenDeadLetterAsync(string connectorId, string reason, CancellationToken cancellationToken)
    {
        var path = $"/api/admin/dead-letters?connectorId={Uri.EscapeDataString(connectorId)}&reason={Uri.EscapeDataString(reason)}&state=open";
        using var response = await _http.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, "GET " + path, cancellationToken);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()).FirstOrDefault();
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(Uri appUrl, string functionKey)
    {
        var http = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
        return http;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvalidOperationException($"CoworkSync answered {(int)response.StatusCode} to {what}: {body}");
    }
}
