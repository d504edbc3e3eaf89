namespace CoworkSync.Platforms.Cobot;

/// <summary>Where and as whom to call a space's API1. <see cref="ToString"/> leaves the token out.</summary>
public sealed record CobotConnection(Uri ApiBaseUrl, string AccessToken)
{
    public override string ToString() => $"CobotConnection {{ ApiBaseUrl = {ApiBaseUrl} }}";

    public Uri Url(string pathAndQuery) => new(ApiBaseUrl, pathAndQuery.TrimStart('/'));
}
