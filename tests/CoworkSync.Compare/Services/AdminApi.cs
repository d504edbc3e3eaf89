using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoworkSync.Compare.Services;

/// <summary>CoworkSync's admin API as an operator calls it, with the function key.</summary>
public sealed class AdminApi : IDisposable
{
    private readonly HttpClient _http;

    public AdminApi(string baseUrl, string functionKey)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
    }

    public HttpClient Http => _http;

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(path, body);
        return await ReadAsync(response, "PUT " + path);
    }

    public async Task<JsonElement> PostAsync(string path)
    {
        using var response = await _http.PostAsync(path, content: null);
        return await ReadAsync(response, "POST " + path);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadAsync(response, "GET " + path);
    }

    /// <summary>The member, or null while CoworkSync does not know it.</summary>
    public async Task<JsonElement?> MemberAsync(string connectorId, string memberId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"/api/admin/connectors/{connectorId}/members/{memberId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        return await ReadAsync(response, "GET member " + memberId);
    }

    /// <summary>True when the member has an enabled account.</summary>
    public static bool IsEnabled(JsonElement? member) =>
        member is { } m && m.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object
        && account.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True;

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"CoworkSync answered {(int)response.StatusCode} to {what}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
