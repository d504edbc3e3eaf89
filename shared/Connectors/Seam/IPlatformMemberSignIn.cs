using System.Text.Json;
using CoworkSync.Outcomes;

namespace CoworkSync.Connectors.Seam;

/// <summary>
/// "Sign in with {platform}" for the member portal (optional: <see cref="IPlatform.MemberSignIn"/>): an OAuth 2
/// authorization code flow with PKCE at the platform, with an app registered once per deployment. The portal makes the
/// <c>state</c> and the PKCE verifier and keeps them in the browser's session; the platform builds its authorize URL,
/// exchanges the code and says which of CoworkSync's members the signed-in user is, by ids the platform vouches for
/// (never by email).
/// </summary>
public interface IPlatformMemberSignIn
{
    /// <summary>The deployment's sign-in app settings: what the admin API's body and the console's form hold.</summary>
    IReadOnlyList<SignInAppField> AppFields { get; }

    /// <summary>Which of <see cref="AppFields"/> are set, and the redirect URI to register at the platform.</summary>
    /// <param name="callbackPath">The portal's callback path (<c>/portal/sign-in/{platform}/callback</c>).</param>
    /// <param name="cancellationToken">Cancels the secret store reads.</param>
    Task<SignInAppState> AppStateAsync(string callbackPath, CancellationToken cancellationToken);

    /// <summary>
    /// The first field of a body (a JSON object of <see cref="AppFields"/>) whose JSON is not of the shape the platform
    /// reads; null when there is none.
    /// </summary>
    ValidationError? Malformed(JsonElement body);

    /// <summary>Validates and stores the app's settings (every field together); the errors when refused (nothing stored).</summary>
    Task<IReadOnlyList<ValidationError>> PutAppAsync(JsonElement body, CancellationToken cancellationToken);

    /// <summary>Where to send the member's browser; null when the app is not registered yet.</summary>
    /// <param name="callbackPath">The portal's callback path; the platform makes the redirect URI of it.</param>
    /// <param name="state">The portal's opaque <c>state</c>.</param>
    /// <param name="codeChallenge">The PKCE S256 challenge of the portal's verifier.</param>
    /// <param name="cancellationToken">Cancels the secret store reads.</param>
    Task<string?> AuthorizeUrlAsync(string callbackPath, string state, string codeChallenge, CancellationToken cancellationToken);

    /// <summary>Exchanges the code (with the PKCE verifier) and finds the user's members; never throws for a platform's refusal.</summary>
    Task<MemberSignInResult> CompleteAsync(string callbackPath, string code, string codeVerifier, CancellationToken cancellationToken);
}

/// <summary>Where the member portal receives a platform's sign-in callback: the path of the redirect URI to register.</summary>
public static class MemberSignInPaths
{
    /// <summary><c>/portal/sign-in/{platform}/callback</c>.</summary>
    public static string Callback(string platform) => $"/portal/sign-in/{platform}/callback";
}

/// <param name="Name">The property in the admin API's body (<c>clientId</c>).</param>
/// <param name="Label">The console's label.</param>
/// <param name="Help">One line of help under it.</param>
/// <param name="Secret">A secret: never shown back, only whether it is set.</param>
public sealed record SignInAppField(string Name, string Label, string Help, bool Secret);

/// <param name="Fields">Each of <see cref="IPlatformMemberSignIn.AppFields"/> by name: whether it is set.</param>
/// <param name="RedirectUri">The redirect URI to register with the app; null when the app's public URL is not known.</param>
/// <param name="Problem">Why members cannot sign in yet (a setting missing); null when they can.</param>
/// <param name="Values">The values of the fields that are not secret, by name, where set (for the audit log's before and after); never a secret's.</param>
public sealed record SignInAppState(IReadOnlyDictionary<string, bool> Fields, string? RedirectUri, string? Problem, IReadOnlyDictionary<string, string>? Values = null)
{
    public bool Ready => Problem is null;
}

/// <summary>What a member sign-in at a platform proved.</summary>
/// <param name="Members">Every member of CoworkSync's the user is, by connector and member id; empty when none.</param>
/// <param name="DisplayName">How to greet the user (their email at the platform); null when unknown.</param>
/// <param name="Problem">Why the sign-in failed (the platform refused, the app is not registered); null when it worked.</param>
public sealed record MemberSignInResult(IReadOnlyList<ProvenMember> Members, string? DisplayName, string? Problem)
{
    public static MemberSignInResult Failed(string problem) => new([], null, problem);
}

/// <summary>A member the signed-in person has shown to be.</summary>
/// <param name="ConnectorId">The member's connector.</param>
/// <param name="MemberId">The member's id at the platform.</param>
public sealed record ProvenMember(string ConnectorId, string MemberId);
