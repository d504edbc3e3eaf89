using System.Net;
using System.Text.Json;
using CoworkSync.Functions.Admin.OpenApi;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.UnitTests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.UnitTests.Admin;

/// <summary>The OpenAPI document served at /api/openapi/v1.json describes the admin API as mapped: every route, nothing else.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly FunctionAppFactory _app = FunctionAppFactory.LocalMode();

    [Fact]
    public async Task TheDocument_ListsEveryMappedAdminRouteAndMethod_AndNothingElse()
    {
        var document = await ReadAsync();

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => IsMethod(o.Name)).Select(o => $"{o.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        var mapped = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpFunctionMetadata>() is not null)
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Route.StartsWith("/" + OpenApiFunction.AdminPrefix, StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Route}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(mapped.Count >= 20, $"only {mapped.Count} admin routes mapped");
        Assert.Equal(mapped, documented);
        Assert.Contains("GET /api/admin/audit", documented);
    }

    [Fact]
    public async Task EachOperation_HasASummaryAndItsAnswers_AndTheKeyIsTheSecurityScheme()
    {
        var document = await ReadAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiFunction.KeyScheme);
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("x-functions-key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => IsMethod(o.Name)))
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), $"{operation.Name} {path.Name} has no summary");
                Assert.NotEmpty(operation.Value.GetProperty("responses").EnumerateObject());
            }
        }
        var put = document.GetProperty("paths").GetProperty("/api/admin/connectors/{connectorId}").GetProperty("put");
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains(put.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "by");
    }

    [Fact]
    public async Task ThePutOfAConnector_DescribesIfNoneMatch_AndIts412()
    {
        var document = await ReadAsync();

        var put = document.GetProperty("paths").GetProperty("/api/admin/connectors/{connectorId}").GetProperty("put");
        var header = Assert.Single(put.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-None-Match");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Contains("412", header.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(put.GetProperty("responses").TryGetProperty("412", out _));
    }

    [Fact]
    public async Task TheDocument_NeedsTheKey()
    {
        var response = await _app.CreateClient().GetAsync(OpenApiFunction.Route);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> ReadAsync()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionAppFactory.FunctionKey);
        var response = await client.GetAsync(OpenApiFunction.Route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static bool IsMethod(string name) => name is "get" or "put" or "post" or "delete" or "patch";

    public void Dispose() => _app.Dispose();
}
