using System.Text.Json.Serialization;

namespace CoworkSync.Administration.Members;

/// <summary>"Why can't they connect?": the access point and moment to decide for.</summary>
/// <param name="NasIdentifier">The access point, as it names itself in <c>NAS-Identifier</c>.</param>
/// <param name="At">
/// When: an instant with its offset (<c>2026-11-23T13:30:00Z</c>), or a date and time without one
/// (<c>2026-11-23T14:30</c>), read at the access point's location; null or empty for now.
/// </param>
/// <param name="CallingStationId">The device (its MAC, <c>Calling-Station-Id</c>), if it matters: a device that asks again is not counted twice.</param>
public sealed record ExplainRequest(
    [property: JsonPropertyName("nasIdentifier")] string? NasIdentifier,
    [property: JsonPropertyName("at")] string? At = null,
    [property: JsonPropertyName("callingStationId")] string? CallingStationId = null);
