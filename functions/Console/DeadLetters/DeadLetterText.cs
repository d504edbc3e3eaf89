using System.Globalization;
using System.Text.Json;

namespace CoworkSync.Functions.Console.DeadLetters;

/// <summary>How the dead-letter pages write times, states and events.</summary>
public static class DeadLetterText
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string When(DateTimeOffset? at) => at is { } value ? When(value) : "—";

    /// <summary>The event as indented JSON (HTML-encoded by the page when rendered).</summary>
    public static string Json(JsonElement json) => JsonSerializer.Serialize(json, Pretty);

    public static string Action(string action) => action switch
    {
        DeadLetterLinks.Replay => "Replay",
        DeadLetterLinks.Discard => "Discard",
        _ => action,
    };
}
