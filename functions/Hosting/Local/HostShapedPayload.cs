using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoworkSync.Functions.Hosting.Invocation;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>
/// Builds invocation payloads the way the Functions host does, quirks included (JSON-quoted metadata strings,
/// counts as strings, zone-less dates, binary data as base64), so local mode drives the same decoding as Azure.
/// </summary>
public static class HostShapedPayload
{
    public static InvocationRequest ServiceBus(
        string functionName, string bindingName, ReadOnlySpan<byte> body, string messageId, long deliveryCount,
        DateTimeOffset enqueuedTimeUtc, IReadOnlyDictionary<string, string> applicationProperties, DateTimeOffset now)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in applicationProperties)
            properties[key] = value;

        var metadata = new JsonObject
        {
            ["MessageId"] = JsonSerializer.Serialize(messageId),
            ["DeliveryCount"] = deliveryCount.ToString(CultureInfo.InvariantCulture),
            ["EnqueuedTimeUtc"] = JsonSerializer.Serialize(HostDate(enqueuedTimeUtc)),
            ["ContentType"] = JsonSerializer.Serialize("application/json"),
            ["ApplicationProperties"] = properties,
            ["UserProperties"] = properties.DeepClone(),
            ["MessageActions"] = new JsonObject(),
            ["sys"] = Sys(functionName, now),
        };
        return Build(new JsonObject { [bindingName] = Convert.ToBase64String(body) }, metadata);
    }

    public static InvocationRequest Timer(string functionName, string bindingName, DateTimeOffset? last, DateTimeOffset next, bool isPastDue, DateTimeOffset now)
    {
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new JsonObject
            {
                ["Last"] = HostDate(last ?? DateTimeOffset.MinValue),
                ["Next"] = HostDate(next),
                ["LastUpdated"] = HostDate(now),
            },
            ["IsPastDue"] = isPastDue,
        };
        return Build(new JsonObject { [bindingName] = timer }, new JsonObject { ["sys"] = Sys(functionName, now) });
    }

    private static JsonObject Sys(string functionName, DateTimeOffset now) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    private static string HostDate(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static InvocationRequest Build(JsonObject data, JsonObject metadata)
    {
        var json = new JsonObject { ["Data"] = data, ["Metadata"] = metadata }.ToJsonString();
        return JsonSerializer.Deserialize<InvocationRequest>(json)!;
    }
}
