namespace CoworkSync.Administration.Connectors;

/// <summary>One of a connector's secrets as the console shows it: described, set or missing, and when it was last set. Never its value.</summary>
/// <param name="Name">The secret's name in a secrets body.</param>
/// <param name="Label">What a form calls it.</param>
/// <param name="Help">Where it comes from and what setting it does.</param>
/// <param name="Group">Secrets of one group are set together; null for one set on its own.</param>
/// <param name="Set">Whether the secret store holds it.</param>
/// <param name="SetAt">When it was last set through the admin API or the console; null when it was not (or before this was recorded).</param>
public sealed record SecretFieldView(string Name, string Label, string Help, string? Group, bool Set, DateTimeOffset? SetAt);
