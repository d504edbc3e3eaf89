using System.Text.Json;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Functions.Radius;

/// <summary>
/// Writes a <see cref="RadiusAnswer"/> as rlm_rest reads it: its status, and its attributes as one JSON object, written
/// straight to the response (no serializer metadata, no intermediate buffer). Values are strings, numbers, or a literal
/// (<see cref="RadiusAnswer.Literal"/>: <c>{"value":[…],"do_xlat":false}</c>).
/// </summary>
public sealed class RadiusAnswerResult(RadiusAnswer answer) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = answer.StatusCode;
        if (answer.Attributes is not { } attributes)
            return;
        response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            WriteObject(json, attributes);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private static void WriteObject(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object>> attributes)
    {
        json.WriteStartObject();
        foreach (var (name, value) in attributes)
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteStringValue(text);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case string[] texts:
                json.WriteStartArray();
                foreach (var text in texts)
                    json.WriteStringValue(text);
                json.WriteEndArray();
                break;
            case IEnumerable<KeyValuePair<string, object>> nested:
                WriteObject(json, nested);
                break;
            default:
                JsonSerializer.Serialize(json, value, value.GetType());
                break;
        }
    }
}
