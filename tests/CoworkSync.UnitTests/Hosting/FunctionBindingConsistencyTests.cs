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

            Assert.Equal("/" + FunctionDefinition.Text(trigger, "route"), "/" + CatchAllAsTheHostWritesIt(endpoint.Route.TrimStart('/')));
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
        // No prefix: each function's route is its whole path (api/…, console/…, portal/…).
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(TimeSpan.TryParse(host.RootElement.GetProperty("functionTimeout").GetString(), out _));
    }

    [Fact]
    public void HttpFunctions_RoutesAvoidTheHostsReservedRoutes_AndKeepTheirPublicPaths()
    {
        foreach (var definition in _definitions.Where(d => d.TriggerType == "httpTrigger"))
        {
            var route = FunctionDefinition.Text(definition.Trigger!.Value, "route") ?? "";
            // The host refuses a function whose route starts with "admin" or "runtime" (its own API), whatever the prefix.
            Assert.False(route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase),
                $"{definition.Name}: the Functions host reserves routes starting with admin or runtime ({route}).");
            Assert.True(route.StartsWith("api/", StringComparison.Ordinal) || FaceCatchAlls.ContainsKey(definition.Name),
                $"{definition.Name}: {route} is outside /api/, and not one of the faces' catch-alls.");
        }
    }

    [Fact]
    public void FaceCatchAlls_AreAnonymousAtTheHost_ForwardGetAndPost_AndCoverEveryPageOfTheirFace()
    {
        foreach (var (name, prefix) in FaceCatchAlls)
        {
            var trigger = _definitions.Single(d => d.Name == name).Trigger!.Value;
            Assert.Equal($"{prefix}/{{*path}}", FunctionDefinition.Text(trigger, "route"));
            Assert.Equal("anonymous", FunctionDefinition.Text(trigger, "authLevel"));
            Assert.Equal(["GET", "POST"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order());
        }

        // Every other endpoint of the app (pages, sign-out) is under a face, so the host forwards it through a catch-all.
        var others = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpFunctionMetadata>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => route is not "/" and not "/{functionName}")
            // Used only by blazor.web.js's enhanced navigation, which the faces do not load.
            .Where(route => route != "/_framework/opaque-redirect")
            .ToList();
        Assert.Contains("/console/sign-in", others);
        Assert.All(others, route => Assert.True(
            FaceCatchAlls.Values.Any(face => route == "/" + face || route.StartsWith($"/{face}/", StringComparison.Ordinal)),
            $"{route} is not under /console or /portal: the Functions host would not forward it."));
    }

    private static readonly Dictionary<string, string> FaceCatchAlls = new() { ["Console"] = "console", ["Portal"] = "portal" };

    /// <summary>ASP.NET Core writes a catch-all <c>{**path}</c> (slashes kept as they are); the host's route, <c>{*path}</c>.</summary>
    private static string CatchAllAsTheHostWritesIt(string route) => route.Replace("{**", "{*", StringComparison.Ordinal);

    private IEnumerable<(HttpFunctionMetadata Function, string Route, IReadOnlyList<string> Methods)> HttpEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpFunctionMetadata>() is not null)
            .Select(e => (e.Metadata.GetMetadata<HttpFunctionMetadata>()!, e.RoutePattern.RawText ?? "",
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])));

    public void Dispose() => _app.Dispose();
}
