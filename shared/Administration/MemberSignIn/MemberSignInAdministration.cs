using System.Text.Json;
using CoworkSync.Administration.Audit;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.MemberSignIn;

/// <summary>
/// The member portal's "sign in with {platform}" apps, registered once per deployment (the admin API and the console
/// alike): which platforms offer one, whether it is ready, the redirect URI to register, and setting its client id and
/// secret (kept in the secret store, never shown back). A change is recorded in the audit log: the values of the
/// fields that are not secret before and after, and which secrets were set or rotated, never their values.
/// </summary>
public sealed class MemberSignInAdministration(PlatformRegistry platforms, AuditLog audit, TimeProvider time)
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
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<Outcome<MemberSignInView>> PutAsync(string platformName, JsonElement? body, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (platforms.Find(platformName) is not { MemberSignIn: { } signIn } platform)
            return Outcome<MemberSignInView>.NotFound($"No platform '{platformName}' offers member sign-in.");
        if (body is not { } json)
            return Outcome<MemberSignInView>.Unreadable();
        if (json.ValueKind != JsonValueKind.Object)
            return Outcome<MemberSignInView>.Invalid("body", "must be a JSON object");
        if (signIn.Malformed(json) is { } malformed)
            return Outcome<MemberSignInView>.Invalid([malformed]);
        var callback = MemberSignInPaths.Callback(platform.Name);
        var before = await signIn.AppStateAsync(callback, cancellationToken);
        var errors = await signIn.PutAppAsync(json, cancellationToken);
        if (errors.Count > 0)
            return Outcome<MemberSignInView>.Invalid(errors);
        var after = await signIn.AppStateAsync(callback, cancellationToken);
        await RecordAsync(platform, signIn, before, after, actor, cancellationToken);
        return Outcome<MemberSignInView>.Done(View(platform, signIn, after));
    }

    private async Task RecordAsync(IPlatform platform, IPlatformMemberSignIn signIn, SignInAppState before, SignInAppState after, AuditActor actor, CancellationToken cancellationToken)
    {
        var changes = signIn.AppFields.Where(f => !f.Secret)
            .Select(f => new AuditChange(f.Name, before.Values?.GetValueOrDefault(f.Name), after.Values?.GetValueOrDefault(f.Name)))
            .Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))
            .ToList();
        // A secret is only ever said to be set (it was missing) or rotated (it replaced one): never its value.
        var secrets = signIn.AppFields.Where(f => f.Secret && after.Fields.GetValueOrDefault(f.Name))
            .Select(f => (f.Name, Word: before.Fields.GetValueOrDefault(f.Name) ? "rotated" : "set"))
            .ToList();
        await audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Area = AuditAreas.Portal,
            Action = AuditActions.PortalSignInAppSet,
            Target = platform.Name,
            Summary = $"Set the member portal's sign-in app for {platform.DisplayName} ({AuditDiff.Count(changes.Count)}"
                + string.Concat(secrets.Select(secret => $"; {secret.Name} {secret.Word}")) + ").",
            Changes = changes,
            SecretsSet = [.. secrets.Select(secret => secret.Name)],
        }, cancellationToken);
    }

    private static async Task<MemberSignInView> ViewAsync(IPlatform platform, IPlatformMemberSignIn signIn, CancellationToken cancellationToken) =>
        View(platform, signIn, await signIn.AppStateAsync(MemberSignInPaths.Callback(platform.Name), cancellationToken));

    private static MemberSignInView View(IPlatform platform, IPlatformMemberSignIn signIn, SignInAppState state) =>
        new MemberSignInView(platform.Name, platform.DisplayName, state.Ready, state.Problem, state.RedirectUri,
            signIn.AppFields.ToDictionary(f => f.Name, f => state.Fields.GetValueOrDefault(f.Name) ? "set" : "missing"),
            [.. signIn.AppFields.Select(f => new MemberSignInFieldView(f.Name, f.Label, f.Help, f.Secret))]);
}
