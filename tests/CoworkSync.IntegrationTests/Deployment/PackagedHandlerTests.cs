using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// The packaged executable, started like the Functions host starts it, answers the host's readiness probe and
/// the invocations the host posts for a Service Bus and a timer trigger with well-formed
/// <c>{Outputs, Logs, ReturnValue}</c> answers. Runs against Azurite; needs nothing from Azure.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackagedHandlerTests(PackageFixture package, ITestOutputHelper output)
{
    [Fact]
    public async Task PackagedHandler_StartedLikeTheHost_AnswersTheReadinessProbeWithinTheBudget()
    {
        var handler = await package.HandlerAsync();
        output.WriteLine($"`{handler.Command}` answered GET / after {handler.StartupTime.TotalMilliseconds:0} ms.");

        Assert.Equal(HttpStatusCode.OK, handler.ReadinessStatus);
        Assert.Equal("CoworkSync", handler.ReadinessBody);
        Assert.True(handler.StartupTime < PackagedHandler.StartupBudget, $"Started in {handler.StartupTime}.");
        Assert.False(handler.HasExited);
    }

    [Fact]
    public async Task ProcessEvent_ServiceBusInvocationWithUnknownEventType_AnswersWellFormed200AndRecordsTheDeadLetter()
    {
        var handler = await package.HandlerAsync();
        var eventId = "evt_pkg_" + Guid.NewGuid().ToString("N")[..10];
        var envelope = Envelope(eventId, "packaging.unknown", "pkg");

        var response = await InvokeAsync(handler, "ProcessEvent", ServiceBusInvocation("ProcessEvent", envelope, eventId, deliveryCount: 1, properties: new { }));

        var body = await AssertWellFormedAsync(response, handler);
        Assert.Equal("DeadLettered", body.GetProperty("ReturnValue").GetString());
        var recorded = await DeadLettersAsync(handler, "pkg");
        var deadLetter = Assert.Single(recorded, d => d.GetProperty("eventId").GetString() == eventId);
        Assert.Equal("UnknownEventType", deadLetter.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task IngestDeadLetter_ServiceBusInvocationFromTheDeadLetterQueue_AnswersWellFormed200WithTheBrokersReason()
    {
        var handler = await package.HandlerAsync();
        var eventId = "evt_dlq_" + Guid.NewGuid().ToString("N")[..10];
        var envelope = Envelope(eventId, "packaging.anything", "pkg-dlq");
        var properties = new { DeadLetterReason = "MaxDeliveryCountExceeded", DeadLetterErrorDescription = "Message could not be consumed after 10 delivery attempts." };

        var response = await InvokeAsync(handler, "IngestDeadLetter", ServiceBusInvocation("IngestDeadLetter", envelope, eventId, deliveryCount: 10, properties));

        var body = await AssertWellFormedAsync(response, handler);
        Assert.Equal(JsonValueKind.String, body.GetProperty("ReturnValue").ValueKind);
        var deadLetter = Assert.Single(await DeadLettersAsync(handler, "pkg-dlq"), d => d.GetProperty("eventId").GetString() == eventId);
        Assert.Equal("MaxDeliveryCountExceeded", deadLetter.GetProperty("reason").GetString());
        Assert.Equal(10, deadLetter.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task PurgeProcessedEvents_TimerInvocation_AnswersWellFormed200()
    {
        var handler = await package.HandlerAsync();
        var invocation = new
        {
            Data = new
            {
                timer = new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = new { Last = "2026-11-22T03:17:00", Next = "2026-11-23T03:17:00", LastUpdated = "2026-11-22T03:17:00" },
                    IsPastDue = false,
                },
            },
            Metadata = new { sys = new { MethodName = "PurgeProcessedEvents", UtcNow = "2026-11-23T03:17:00.0022Z", RandGuid = Guid.NewGuid() } },
        };

        var response = await InvokeAsync(handler, "PurgeProcessedEvents", invocation);

        var body = await AssertWellFormedAsync(response, handler);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task Console_ServedByThePackagedHandler_WithItsAssets_AndIgnoringAPrincipalHeaderThePlatformDidNotSet()
    {
        var handler = await package.HandlerAsync();

        var stylesheet = await handler.Client.GetAsync("/console/assets/console.css");
        Assert.True(stylesheet.StatusCode == HttpStatusCode.OK, $"{(int)stylesheet.StatusCode}{handler.DescribeOutput()}");
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);

        // App Service authentication is not on here (no WEBSITE_AUTH_ENABLED): a forged principal is nobody.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/console");
        forged.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"name","val":"Mallory"},{"typ":"roles","val":"Operator"}]}""")));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = handler.Client.BaseAddress };
        var response = await noRedirects.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var signIn = await noRedirects.GetStringAsync(response.Headers.Location);
        Assert.Contains("App Service authentication is not enabled", signIn, StringComparison.Ordinal);
    }

    private static string Envelope(string id, string type, string connectorId) =>
        JsonSerializer.Serialize(new { id, type, connectorId, occurredAt = "2026-11-23T08:00:00Z", attempt = 1, payload = new { } });

    // As the host posts a non-HTTP invocation: POST /{FunctionName} with its headers and a {Data, Metadata} body.
    private static async Task<HttpResponseMessage> InvokeAsync(PackagedHandler handler, string functionName, object invocation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + functionName) { Content = JsonContent.Create(invocation) };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1044.400.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1044.400.0");
        return await handler.Client.SendAsync(request);
    }

    // A Service Bus trigger with dataType binary: the body as base64; metadata values JSON-encoded as the host does.
    private static object ServiceBusInvocation(string functionName, string body, string messageId, int deliveryCount, object properties) => new
    {
        Data = new { message = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) },
        Metadata = new Dictionary<string, object>
        {
            ["DeliveryCount"] = deliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LockToken"] = $"\"{Guid.NewGuid()}\"",
            ["MessageId"] = $"\"{messageId}\"",
            ["EnqueuedTimeUtc"] = "\"2026-11-23T08:00:01\"",
            ["ContentType"] = "\"application/json\"",
            ["ApplicationProperties"] = properties,
            ["UserProperties"] = properties,
            ["MessageActions"] = new { },
            ["sys"] = new { MethodName = functionName, UtcNow = "2026-11-23T08:00:02.1Z", RandGuid = Guid.NewGuid() },
        },
    };

    private static async Task<JsonElement> AssertWellFormedAsync(HttpResponseMessage response, PackagedHandler handler)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}{handler.DescribeOutput()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        var logs = body.GetProperty("Logs");
        Assert.Equal(JsonValueKind.Array, logs.ValueKind);
        Assert.All(logs.EnumerateArray(), l => Assert.Equal(JsonValueKind.String, l.ValueKind));
        Assert.True(body.TryGetProperty("ReturnValue", out _));
        return body;
    }

    // Under the host, HTTP functions are forwarded as they are; the host, not the handler, checks function keys.
    private static async Task<List<JsonElement>> DeadLettersAsync(PackagedHandler handler, string connectorId)
    {
        var list = await handler.Client.GetFromJsonAsync<JsonElement>($"/api/admin/dead-letters?connectorId={connectorId}");
        return list.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
