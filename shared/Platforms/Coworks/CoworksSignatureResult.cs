namespace CoworkSync.Platforms.Coworks;

/// <summary>What <see cref="CoworksSignature.Verify"/> concluded about a webhook's signature header.</summary>
public enum CoworksSignatureResult
{
    /// <summary>A <c>v1</c> signature matches one of the secrets and the timestamp is within tolerance.</summary>
    Valid,

    /// <summary>There is no signature header (or it is blank).</summary>
    Missing,

    /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;64 hex digits&gt;[,v1=…]</c>.</summary>
    Malformed,

    /// <summary>The timestamp is further from now than the tolerance, in the past or the future.</summary>
    Stale,

    /// <summary>No <c>v1</c> signature matches any secret: a wrong secret or a changed body.</summary>
    Mismatch,
}
