using System.Text.Json;

namespace CoworkSync.Connectors;

/// <summary>
/// A connector's platform settings as the generic code holds them: opaque JSON, stored as is in the connector row's
/// column named after the platform. Only the platform reads it, through its own typed accessor (<see cref="As{T}"/>,
/// parsed once per instance). Two settings are equal when their JSON text is.
/// </summary>
public sealed class PlatformSettings : IEquatable<PlatformSettings>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private object? _parsed;

    public PlatformSettings(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        JsonText = json;
    }

    /// <summary>The settings' JSON, as stored.</summary>
    public string JsonText { get; }

    /// <summary>The settings of a platform's typed record, serialized as every connector's settings are (web defaults).</summary>
    public static PlatformSettings From<T>(T settings) where T : class => new(JsonSerializer.Serialize(settings, Json)) { _parsed = settings };

    /// <summary>The settings as the platform's record; the first call parses, later calls return the same instance.</summary>
    /// <exception cref="JsonException">The stored JSON is not the platform's record.</exception>
    public T As<T>() where T : class
    {
        if (_parsed is T parsed)
            return parsed;
        var value = JsonSerializer.Deserialize<T>(JsonText, Json) ?? throw new JsonException($"The platform settings are not a {typeof(T).Name}.");
        _parsed = value;
        return value;
    }

    public bool Equals(PlatformSettings? other) => other is not null && string.Equals(JsonText, other.JsonText, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PlatformSettings);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(JsonText);

    public override string ToString() => JsonText;
}
