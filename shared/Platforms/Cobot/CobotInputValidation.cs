using System.Text.RegularExpressions;
using CoworkSync.Connectors;
using CoworkSync.Validation;

namespace CoworkSync.Platforms.Cobot;

/// <summary>Validates the <c>cobot</c> part of a connector's input and turns it into settings.</summary>
public static partial class CobotInputValidation
{
    public const int MaxSyncIntervalMinutes = 60;

    public static void Validate(ConnectorInput.CobotInput? input, List<ValidationError> errors, int? syncIntervalMinutes = null)
    {
        if (input is null)
        {
            errors.Add(new("cobot", "is required for a Cobot connector"));
            return;
        }
        if (string.IsNullOrWhiteSpace(input.Subdomain) || !SubdomainPattern().IsMatch(input.Subdomain.Trim()))
            errors.Add(new("cobot.subdomain", "must be the space's Cobot subdomain: lowercase letters, digits and dashes (co-up for https://co-up.cobot.me)"));
        if (input.ApiBaseUrl is not null && !IsOrigin(input.ApiBaseUrl))
            errors.Add(new("cobot.apiBaseUrl", "must be an absolute http(s) URL without a path or query"));
        if (input.OAuthBaseUrl is not null && !IsOrigin(input.OAuthBaseUrl))
            errors.Add(new("cobot.oauthBaseUrl", "must be an absolute http(s) URL without a path or query"));
        if (input.CustomFieldLabel is { } label && (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 100))
            errors.Add(new("cobot.customFieldLabel", "must be non-empty, at most 100 characters"));
        if (syncIntervalMinutes > MaxSyncIntervalMinutes)
            errors.Add(new("settings.syncIntervalMinutes", $"must be at most {MaxSyncIntervalMinutes} for a Cobot connector: a full sync runs at least hourly"));
    }

    /// <summary>The settings; call only when <see cref="Validate"/> found nothing.</summary>
    public static CobotConnectorSettings ToSettings(ConnectorInput.CobotInput input)
    {
        var subdomain = input.Subdomain!.Trim();
        return new CobotConnectorSettings(
            subdomain,
            Origin(input.ApiBaseUrl ?? $"https://{subdomain}.cobot.me"),
            Origin(input.OAuthBaseUrl ?? "https://www.cobot.me"),
            input.CustomFieldGroups ?? false,
            input.CustomFieldLabel?.Trim() ?? CobotConnectorSettings.DefaultCustomFieldLabel);
    }

    private static Uri Origin(string url) => new(url.TrimEnd('/') + "/");

    private static bool IsOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && uri.AbsolutePath is "/" or "" && string.IsNullOrEmpty(uri.Query);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex SubdomainPattern();
}
