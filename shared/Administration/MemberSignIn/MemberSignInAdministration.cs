using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.MemberSignIn;

/// <summary>
/// The member portal's "sign in with {platform}" apps, registered once per deployment (the admin API and the console
/// alike): which platforms offer one, whether it is ready, the redirect URI to register, and setting its client id and
/// secret (kept in the secret store, never shown back).
/// </summary>
public sealed class MemberSignInAdministration(PlatformRegistry platforms)
{
    /// <summary>Every registered platform that offers member sign-in, in registration order.</summary>
    public async Task<IReadOnlyList<MemberSignInView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<MemberSignInView>();
        foreach (var platform in platforms.All)
        {
            if (platform.MemberSignIn is { } signIn)
                views.Add(await ViewAsync(platform, signIn, cancellationToken));
        }
        return views;
    }

    /// <summary>Sets the platform's sign-in app; not found for a platform without member sign-in.</summary>
    /// <param name="platformName">The platform.</param>
    /// <param name="body">The app's settings (a JSON object); null when the caller could not read the request.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<Outcome<MemberSignInView>> PutAsync(string platformName, JsonElement? body, CancellationToken cancellationToken)
    {
        if (platforms.Find(platformName) is not { MemberSignIn: { } signIn } platform)
            return Outcome<MemberSignInView>.NotFound($"No platform '{platformName}' offers member sign-in.");
        if (body is not { } json)
            return Outcome<MemberSignInView>.Unreadable();
        if (json.ValueKind != JsonValueKind.Object)
            return Outcome<MemberSignInView>.Invalid("body", "must be a JSON object");
        if (signIn.Malformed(json) is { } malformed)
            return Outcome<MemberSignInView>.Invalid([malformed]);
        var errors = await signIn.PutAppAsync(json, cancellationToken);
        return errors.Count > 0 ? Outcome<MemberSignInView>.Invalid(errors) : Outcome<MemberSignInView>.Done(await ViewAsync(platform, signIn, cancellationToken));
    }

    private static async Task<MemberSignInView> ViewAsync(IPlatform platform, IPlatformMemberSignIn signIn, CancellationToken cancellationToken)
    {
        var state = await signIn.AppStateAsync(MemberSignInPaths.Callback(platform.Name), cancellationToken);
        return new MemberSignInView(platform.Name, platform.DisplayName, state.Ready, state.Problem, state.RedirectUri,
            signIn.AppFields.ToDictionary(f => f.Name, f => state.Fields.GetValueOrDefault(f.Name) ? "set" : "missing"),
            [.. signIn.AppFields.Select(f => new MemberSignInFieldView(f.Name, f.Label, f.Help, f.Secret))]);
    }
}
