using System.Text.Json.Serialization;

namespace CoworkSync.Radius;

/// <summary>One accounting session's seconds so far; the highest <c>Acct-Session-Time</c> seen wins.</summary>
public sealed record SessionUsage(
    [property: JsonPropertyName("s")] long Seconds,
    [property: JsonPropertyName("o")] bool Open,
    [property: JsonPropertyName("n")] string? Nas,
    [property: JsonPropertyName("u")] DateTimeOffset UpdatedAt);
