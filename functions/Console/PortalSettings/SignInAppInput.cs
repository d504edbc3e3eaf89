namespace CoworkSync.Functions.Console.PortalSettings;

/// <summary>What the member portal settings form posts: the platform whose button was pressed, and every field by <c>{platform}.{field}</c>.</summary>
public sealed class SignInAppInput
{
    public string? Platform { get; set; }

    public Dictionary<string, string?> Values { get; set; } = [];
}
