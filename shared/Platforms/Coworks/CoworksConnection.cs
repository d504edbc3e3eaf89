namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Where and as whom to call the Coworks API for one connector (one Coworks space).
/// <see cref="ToString"/> leaves the API key out, so a connection can be logged.
/// </summary>
/// <param name="ApiBaseUrl">E.g. <c>https://api.coworks.com/</c>; paths such as <c>v1/spaces/…</c> are appended to it.</param>
/// <param name="SpaceId">The Coworks space id, e.g. <c>spc_123</c>.</param>
/// <param name="ApiKey">Sent as <c>Authorization: Bearer &lt;key&gt;</c>; never logged.</param>
public sealed record CoworksConnection(Uri ApiBaseUrl, string SpaceId, string ApiKey)
{
    public override string ToString() => $"{nameof(CoworksConnection)} {{ {nameof(ApiBaseUrl)} = {ApiBaseUrl}, {nameof(SpaceId)} = {SpaceId} }}";
}
