using System.Text.Json;
using CoworkSync.Functions.Hosting.Definitions;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.UnitTests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>Every function.json has a handler in the app, and every handler has a function.json that matches it.</summary>
public sealed class FunctionBindingConsistencyTests : IDisposable
{
    private readonly FunctionAppFactory _app = FunctionAppFactory.UnderFunctionsHost();
    private readonly IReadOnlyList<FunctionDefinition> _definitions = FunctionDefinitions.Load(Path.Combine(RepositoryRoot.Path, "functions"));

    [Fact]
    public void EveryFunctionJson_HasAHandler_AndEveryHandler_HasAFunctionJson()
    {
        var declared = _definitions.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        var handled = HttpEndpoints().Select(e => e.Function.FunctionName)
            .Concat(_app.Services.GetRequiredService<FunctionInvoker>().FunctionNames)
            .Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, handled);
    }

    [Fact]
    public void HttpFunctions_AreForwarded_WithTheRouteMethodsAndAuthLevelOfTheirHandler()
    {
        var endpoints = HttpEndpoints().ToDictionary(e => e.Function.FunctionName);
        foreach (var definition in _definitions.Where(d => d.TriggerType == "httpTrigger"))
        {
            Assert.True(definition.IsPureHttp, $"{definition.Name}: an HTTP function must have exactly one httpTrigger and one http output, or the host will not forward the raw request.");
            var trigger = definition.Trigger!.Value;
            var endpoint = endpoints[definition.Name];

            Assert.Equal("/api/" + FunctionDefinition.Text(trigger, "route"), "/" + endpoint.Route.TrimStart('/'));
            var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order().ToList();
            Assert.Equal(methods, endpoint.Methods.Order().ToList());
            Assert.Equal(FunctionDefinition.Text(trigger, "authLevel"), endpoint.Function.AuthLevel.ToString(), ignoreCase: true);
        }
    }

    [Fact]
    public void InvocationFunctions_HaveNonHttpTriggers_BoundToTheNamesTheirHandlersRead()
    {
        var invocable = _app.Services.GetRequiredService<FunctionInvoker>().FunctionNames.ToHashSet();
        foreach (var definition in _definitions.Where(d => invocable.Contains(d.Name)))
        {
            Assert.NotEqual("httpTrigger", definition.TriggerType);
            var expectedBinding = definition.TriggerType == "timerTrigger" ? "timer" : "message";
            Assert.Equal(expectedBinding, FunctionDefinition.Text(definition.Trigger!.Value, "name"));
            if (definition.TriggerType == "serviceBusTrigger")
            {
                Assert.Equal("binary", FunctionDefinition.Text(definition.Trigger!.Value, "dataType"));
                Assert.Equal("ServiceBusConnection", FunctionDefinition.Text(definition.Trigger!.Value, "connection"));
            }
        }
    }

    [Fact]
    public void HostJson_RunsTheHandlerAsACustomHandler_WithForwardingAndTheV4Bundle()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");
        var arguments = handler.GetProperty("description").GetProperty("arguments").EnumerateArray().Select(a => a.GetString()).ToList();

        Assert.Equal(["--urls", "http://127.0.0.1:%FUNCTIONS_CUSTOMHANDLER_PORT%"], arguments);
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("[4.*, 5.0.0)", host.RootElement.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(TimeSpan.TryParse(host.RootElement.GetProperty("functionTimeout").GetString(), out _));
    }

    private IEnumerable<(HttpFunctionMetadata Function, string Route, IReadOnlyList<string> Methods)> HttpEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpFunctionMetadata>() is not null)
            .Select(e => (e.Metadata.GetMetadata<HttpFunctionMetadata>()!, e.RoutePattern.RawText ?? "",
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])));

    public void Dispose() => _app.Dispose();
}
