namespace CoworkSync.Platforms.Coworks;

/// <summary>How Coworks webhooks are checked. Settings section <c>Coworks</c>, e.g. <c>Coworks__SignatureTolerance=00:05:00</c>.</summary>
public sealed class CoworksWebhookOptions
{
    /// <summary>How far a signature's timestamp may be from now, in the past or the future.</summary>
    public TimeSpan SignatureTolerance { get; set; } = CoworksSignature.DefaultTolerance;
}
