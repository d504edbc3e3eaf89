using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Records;
using CoworkSync.Outcomes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// "Sign in with Cobot" for the member portal: the deployment's Cobot app (scope <c>read_user</c>, its client id and
/// secret in the secret store), OAuth 2 authorization code with PKCE S256 at <see cref="CobotClientOptions.SignInBaseUrl"/>,
/// then <c>GET /api/user</c>; the user is each member whose id is one of their membership ids on a Cobot connector of
/// that membership's space (<see cref="CobotMemberMatching"/>). The token is revoked once the user is read: the portal
/// keeps nothing of Cobot's. The redirect URI is <c>{Cobot__PublicBaseUrl}{callbackPath}</c>.
/// </summary>
public sealed partial class CobotMemberSignIn(
    ConnectorSecrets secrets,
    ConnectorStore connectors,
    MemberStore members,
    CobotClient client,
    IOptions<CobotClientOptions> options,
    ILogger<CobotMemberSignIn> logger) : IPlatformMemberSignIn
{
    public const string Scope = "read_user";

    public IReadOnlyList<SignInAppField> AppFields { get; } =
    [
        new("clientId", "Client id", "The id of the app registered at Cobot for member sign-in (scope read_user).", Secret: false),
        new("clientSecret", "Client secret", "Its secret. Never shown again once saved.", Secret: true),
    ];

    public async Task<SignInAppState> AppStateAsync(string callbackPath, CancellationToken cancellationToken)
    {
        // The client id is no secret (it is in every authorize URL); it is kept in the secret store with its secret.
        var clientIdValue = await secrets.GetAsync(CobotSecretNames.SignInClientId, cancellationToken);
        var clientId = clientIdValue is not null;
        var clientSecret = await secrets.IsSetAsync(CobotSecretNames.SignInClientSecret, cancellationToken);
        var redirect = RedirectUri(callbackPath);
        var problem = !clientId || !clientSecret ? "The Cobot app's client id and secret are not set."
            : redirect is null ? "Cobot__PublicBaseUrl is not set: Cobot needs it to send members back."
            : null;
        return new SignInAppState(new Dictionary<string, bool> { ["clientId"] = clientId, ["clientSecret"] = clientSecret }, redirect?.AbsoluteUri, problem,
            clientIdValue is null ? null : new Dictionary<string, string> { ["clientId"] = clientIdValue });
    }

    public ValidationError? Malformed(JsonElement body)
    {
        PlatformJson.Read<AppInput>(body, "", out var malformed);
        return malformed;
    }

    public async Task<IReadOnlyList<ValidationError>> PutAppAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var input = PlatformJson.Read<AppInput>(body, "", out var malformed);
        if (malformed is not null)
            return [malformed];
        var errors = new List<ValidationError>();
        foreach (var (field, value) in new[] { ("clientId", input?.ClientId), ("clientSecret", input?.ClientSecret) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 4096 || value.Any(char.IsControl))
                errors.Add(new(field, "is required: at most 4096 printable characters"));
        }
        if (errors.Count > 0)
            return errors;
        await secrets.SetAsync(CobotSecretNames.SignInClientId, input!.ClientId!.Trim(), cancellationToken);
        await secrets.SetAsync(CobotSecretNames.SignInClientSecret, input.ClientSecret!.Trim(), cancellationToken);
        return [];
    }

    public async Task<string?> AuthorizeUrlAsync(string callbackPath, string state, string codeChallenge, CancellationToken cancellationToken)
    {
        var clientId = await secrets.GetAsync(CobotSecretNames.SignInClientId, cancellationToken);
        if (clientId is null || RedirectUri(callbackPath) is not { } redirect || !await secrets.IsSetAsync(CobotSecretNames.SignInClientSecret, cancellationToken))
            return null;
        (string Name, string Value)[] parameters =
        [
            ("response_type", "code"),
            ("client_id", clientId),
            ("redirect_uri", redirect.AbsoluteUri),
            ("state", state),
            ("scope", Scope),
            ("code_challenge", codeChallenge),
            ("code_challenge_method", "S256"),
        ];
        return new Uri(Base, "oauth/authorize").AbsoluteUri + "?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
    }

    public async Task<MemberSignInResult> CompleteAsync(string callbackPath, string code, string codeVerifier, CancellationToken cancellationToken)
    {
        var clientId = await secrets.GetAsync(CobotSecretNames.SignInClientId, cancellationToken);
        var clientSecret = await secrets.GetAsync(CobotSecretNames.SignInClientSecret, cancellationToken);
        if (clientId is null || clientSecret is null || RedirectUri(callbackPath) is not { } redirect)
            return MemberSignInResult.Failed("Sign-in with Cobot is not set up on this deployment.");

        CobotSignedInUser user;
        string token;
        try
        {
            token = await client.ExchangeCodeAsync(Base, clientId, clientSecret, code, redirect, cancellationToken, codeVerifier);
            user = await client.GetUserAsync(Base, token, cancellationToken);
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            LogFailed(ex);
            return MemberSignInResult.Failed("Cobot did not confirm who you are. Please try again.");
        }
        await RevokeAsync(token);
        if (string.IsNullOrWhiteSpace(user.Id))
            return MemberSignInResult.Failed("Cobot did not say who you are. Please try again.");

        var proven = new List<ProvenMember>();
        foreach (var candidate in CobotMemberMatching.Candidates(user, await connectors.ListAsync(cancellationToken)))
        {
            if (await members.GetAsync(candidate.ConnectorId, candidate.MemberId, cancellationToken) is not null)
                proven.Add(candidate);
        }
        LogSignedIn(user.Id, user.Memberships?.Count ?? 0, proven.Count);
        return new MemberSignInResult(proven, user.Email, null);
    }

    private Uri Base => new(options.Value.SignInBaseUrl.TrimEnd('/') + "/");

    private Uri? RedirectUri(string callbackPath) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : new Uri(options.Value.PublicBaseUrl.TrimEnd('/') + "/" + callbackPath.TrimStart('/'));

    /// <summary>Best effort: the sign-in already has what it needs; a token left behind expires at Cobot.</summary>
    private async Task RevokeAsync(string token)
    {
        try
        {
            await client.RevokeTokenAsync(Base, token, CancellationToken.None);
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            LogRevokeFailed(ex);
        }
    }

    [LoggerMessage(EventId = 1150, EventName = "CobotMemberSignedIn", Level = LogLevel.Information,
        Message = "Member sign-in with Cobot: user {CobotUserId} with {Memberships} memberships is {Members} members here")]
    private partial void LogSignedIn(string cobotUserId, int memberships, int members);

    [LoggerMessage(EventId = 1151, EventName = "CobotMemberSignInFailed", Level = LogLevel.Warning, Message = "Member sign-in with Cobot failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(EventId = 1152, EventName = "CobotMemberSignInRevokeFailed", Level = LogLevel.Information, Message = "Could not revoke the token of a member sign-in with Cobot; it expires at Cobot")]
    private partial void LogRevokeFailed(Exception exception);

    /// <summary>The sign-in app's settings as the admin API's body holds them.</summary>
    public sealed record AppInput(
        [property: JsonPropertyName("clientId")] string? ClientId = null,
        [property: JsonPropertyName("clientSecret")] string? ClientSecret = null);
}
