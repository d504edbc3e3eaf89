using System.Globalization;
using System.Text.Json;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// Prints what to try once the demo is set up: admin API calls, a webhook signed by hand with openssl, and radclient
/// requests. Every command reads its key, secret or password from a file, so none is printed.
/// </summary>
public sealed class NextSteps(DemoOptions options, DemoSpaceState state, TextWriter output, TimeProvider time)
{
    // Keeps "+00:00" readable in the printed body; the body is single-quoted in the shell and holds no quote.
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="deadLetter">The dead letter the demo left for support to replay, if it left one (first run).</param>
    public void Print(string? deadLetter)
    {
        var app = options.AppUrl.ToString().TrimEnd('/');
        var connector = app + "/api/admin/connectors/" + options.ConnectorId;
        var key = $"-H \"x-functions-key: $(cat {Quote(options.FunctionKeyFile)})\"";
        var newcomer = DemoCast.Newcomer(DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds()));

        output.WriteLine($"Console: {app}/console  (sign in at {app}/console/sign-in with the admin key in {options.FunctionKeyFile}; choose Support, or Operator)");
        output.WriteLine(deadLetter is null
            ? $"  Dead letters: {app}/console/dead-letters"
            : $"  Dead letter to replay (a sync the demo space refused once): {app}/console/dead-letters/detail?id={Uri.EscapeDataString(deadLetter)}  (Replay, and confirm)");
        output.WriteLine();
        output.WriteLine("Try it (copy and paste; keys, secrets and passwords are read from files, never printed):");
        output.WriteLine();
        output.WriteLine("  # The members and their WiFi accounts (never a password), one member, the sync runs:");
        output.WriteLine($"  curl -s {key} {connector}/members");
        output.WriteLine($"  curl -s {key} {connector}/members/{DemoCast.AcceptedMemberId}");
        output.WriteLine($"  curl -s {key} {connector}/sync-runs");
        output.WriteLine("  # Start a sync now (it reads the whole demo space through the Coworks API; the timer runs one every 15 minutes):");
        output.WriteLine($"  curl -s -X POST {key} {connector}/sync");
        output.WriteLine();
        output.WriteLine($"  # The welcome emails (one .eml file per account, with its username and password):");
        output.WriteLine($"  ls {Quote(options.Outbox)}");
        output.WriteLine();
        output.WriteLine($"  # A webhook signed by hand: {newcomer.FirstName} {newcomer.LastName} joins on {newcomer.Membership!.PlanName}. The signature is the hex");
        output.WriteLine("  # HMAC-SHA256 of \"<t>.<body>\" keyed with the webhook secret (docs/connectors/coworks.md). Expect 202; sent again, 200.");
        output.WriteLine($"  BODY='{WebhookBody(newcomer)}'");
        output.WriteLine("  T=$(date +%s)");
        output.WriteLine($"  SIG=$(printf '%s.%s' \"$T\" \"$BODY\" | openssl dgst -sha256 -hmac \"$(cat {Quote(Path.Combine(options.StateDirectory, DemoSpaceState.WebhookSecretFileName))})\" -hex | sed 's/^.* //')");
        output.WriteLine($"  curl -i -X POST -H 'Content-Type: application/json' -H \"X-Coworks-Signature: t=$T,v1=$SIG\" --data-binary \"$BODY\" {app}/api/webhooks/coworks/{options.ConnectorId}");
        output.WriteLine($"  curl -s {key} {connector}/members/{newcomer.Id}");
        output.WriteLine($"  # {newcomer.FirstName} is not in the demo space, so the next sync finds her gone from Coworks and disables her account.");
        output.WriteLine();
        PrintRadius();
    }

    private void PrintRadius()
    {
        if (options.RadiusPort is not { } port || options.RadiusSecretFile is not { } secretFile)
        {
            output.WriteLine($"  # RADIUS: {options.RadiusMissing ?? "no FreeRADIUS was started."}");
            output.WriteLine();
            return;
        }

        var directory = Path.Combine(options.StateDirectory, "radclient");
        var server = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var secret = $"\"$(cat {Quote(secretFile)})\"";
        output.WriteLine($"  # RADIUS: FreeRADIUS ({server}, infra/radius) asks CoworkSync. PAP requests from access point {DemoCast.NasIdentifier},");
        output.WriteLine("  # with the password from the member's welcome email, written to the request file (-x shows it as sent):");
        foreach (var (memberId, expected, why) in new[]
        {
            (DemoCast.AcceptedMemberId, "Access-Accept", "Dedicated is open around the clock"),
            (DemoCast.SuspendedMemberId, "Access-Reject", "suspended: the account is disabled"),
        })
        {
            var member = state.Member(memberId);
            var email = member.Email!;
            var eml = WelcomeEmailOutbox.Newest(options.Outbox, email);
            if (eml is null)
            {
                output.WriteLine($"  # (no welcome email for {email} in {options.Outbox}, so no request for {member.FirstName})");
                continue;
            }
            var file = RadclientRequests.Write(directory, member.FirstName.ToLowerInvariant(), email, WelcomeEmailOutbox.Password(eml), expected);
            output.WriteLine($"  # {member.FirstName} {member.LastName} ({member.Membership?.PlanName}): {expected}, {why}");
            output.WriteLine($"  radclient -x -f {Quote(file)} {server} auth {secret}");
        }
        output.WriteLine();
    }

    /// <summary>The Coworks webhook body for <paramref name="member"/>, compact JSON (no single quote in it).</summary>
    private static string WebhookBody(SimulatedMember member) => JsonSerializer.Serialize<Dictionary<string, object?>>(new()
    {
        ["id"] = "evt_demo_try_" + member.Id,
        ["type"] = CoworksEventTypes.MemberCreated,
        ["created_at"] = member.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["space_id"] = DemoCast.SpaceId,
        ["data"] = new Dictionary<string, object?>
        {
            ["member"] = CoworksSimulatorJson.Member(member, withMembership: false),
            ["membership"] = CoworksSimulatorJson.Membership(member.Membership),
        },
    }, RelaxedJson);

    /// <summary>A path as a shell word: as it is when it has only safe characters, else single-quoted.</summary>
    private static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '@')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
