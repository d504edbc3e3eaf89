namespace CoworkSync.Connectors.Seam;

/// <summary>
/// One secret of a platform's secrets body (<c>PUT …/secrets</c> <c>{"{name}":"…"}</c>), described for a form: set or
/// rotated, never shown back.
/// </summary>
/// <param name="Name">The property's name in the body (<c>apiKey</c>), and the field errors name.</param>
/// <param name="Label">What the form calls it.</param>
/// <param name="Help">One sentence on where it comes from and what setting it does.</param>
/// <param name="Group">
/// Secrets of one group are set together (an OAuth app's client id and secret); null for a secret set on its own.
/// The platform's rules refuse a group set in part; a form shows a group together.
/// </param>
public sealed record PlatformSecretField(string Name, string Label, string Help, string? Group = null);
