using System.Text.Json;
using CoworkSync.Outcomes;

namespace CoworkSync.Connectors.Seam;

/// <summary>
/// The platform's section of a connector's body (<c>PUT /api/admin/connectors/{id}</c>): the JSON property named after
/// the platform (<c>"{name}": {…}</c>), validated and normalized into the <see cref="PlatformSettings"/> the platform
/// reads back; and the platform's bounds on the generic settings.
/// </summary>
public interface IPlatformSettings
{
    /// <summary>The <c>syncIntervalMinutes</c> of a connector whose body does not say.</summary>
    int DefaultSyncIntervalMinutes { get; }

    /// <summary>Reads the platform's section of a connector's body.</summary>
    /// <param name="section">The section; null when the body has none.</param>
    /// <param name="syncIntervalMinutes">The <c>settings.syncIntervalMinutes</c> the body asks for, which the platform may bound.</param>
    SettingsReading Read(JsonElement? section, int? syncIntervalMinutes);

    /// <summary>
    /// Every property <see cref="Read"/> takes, described for a form, in the order it shows them. A form writes what was
    /// entered with <see cref="PlatformSectionForm.ToSection"/>, and the errors of <see cref="Read"/> name these fields.
    /// </summary>
    IReadOnlyList<PlatformField> Fields { get; }

    /// <summary>
    /// The connector's settings as its form shows them, by <see cref="PlatformField.Name"/>: text for text and URL fields,
    /// <c>true</c>/<c>false</c> for booleans, invariant numbers. A field left out (or null) shows empty, so that its
    /// default keeps applying: a value equal to a default derived from another field is left out for that reason.
    /// </summary>
    IReadOnlyDictionary<string, string?> FieldValues(Connector connector);
}

/// <summary>What a platform made of its section of a connector's body.</summary>
/// <param name="Settings">The settings to store; null when there are <see cref="Errors"/>.</param>
/// <param name="Errors">What is wrong, fields named from the body's root (<c>{name}.{field}</c>).</param>
/// <param name="Malformed">
/// The section's JSON is not of the shape the platform reads (a string where an object belongs): the body cannot be
/// read at all, so this is the one error reported, whichever connector the body is for.
/// </param>
public sealed record SettingsReading(PlatformSettings? Settings, IReadOnlyList<ValidationError> Errors, ValidationError? Malformed = null)
{
    public static SettingsReading Valid(PlatformSettings settings) => new(settings, []);

    public static SettingsReading Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors);

    public static SettingsReading Unreadable(ValidationError malformed) => new(null, [malformed], malformed);
}
