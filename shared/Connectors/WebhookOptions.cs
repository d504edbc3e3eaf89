namespace CoworkSync.Connectors;

/// <summary>How webhooks are accepted. Settings section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How long the previous webhook secret stays valid after a new one is set. Default 24 h.</summary>
    public TimeSpan SecretRotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest body accepted. Default 256 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
