namespace CoworkSync.Connectors.Seam;

/// <summary>What a form field of a platform's settings section holds, and so how it is shown and written into the section's JSON.</summary>
public enum PlatformFieldKind
{
    /// <summary>A JSON string, from a text box.</summary>
    Text,

    /// <summary>A JSON string holding an absolute URL, from a URL box.</summary>
    Url,

    /// <summary>A JSON boolean, from a checkbox.</summary>
    Bool,

    /// <summary>A JSON number, from a number box.</summary>
    Number,
}

/// <summary>
/// One property of a platform's settings section (<c>"{platform}": {"{name}": …}</c>), described for a form: the console
/// renders it without knowing the platform, and <see cref="PlatformSectionForm.ToSection"/> writes what was entered into
/// the JSON <see cref="IPlatformSettings.Read"/> validates.
/// </summary>
/// <param name="Name">The property's name in the section (<c>spaceId</c>); errors name it <c>{platform}.{name}</c>.</param>
/// <param name="Label">What the form calls it.</param>
/// <param name="Help">One sentence on what to enter, shown under it.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Required">The platform refuses a section without it.</param>
/// <param name="Default">What applies when it is left empty, as text (<c>false</c>, <c>https://www.example.com</c>); null when nothing does.</param>
public sealed record PlatformField(string Name, string Label, string Help, PlatformFieldKind Kind, bool Required = false, string? Default = null);
