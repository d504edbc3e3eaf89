using System.Security.Cryptography;
using System.Text.Json;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// The demo space as kept between runs in <c>{state}/space.json</c> (owner-only: it holds the space's API key and
/// webhook secret): a second run serves the same members, keys and secret, so CoworkSync recognises everything.
/// The webhook secret is also written alone to <c>{state}/webhook-secret</c>, for signing a webhook by hand.
/// </summary>
public sealed record DemoSpaceState(string ApiKey, string WebhookSecret, IReadOnlyList<SimulatedMember> Members)
{
    public const string FileName = "space.json";
    public const string WebhookSecretFileName = "webhook-secret";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The state saved by an earlier run, or a new space (random keys, the members of <see cref="DemoCast"/>).</summary>
    /// <exception cref="InvalidDataException">The saved state is not one this demo wrote; the message says which file and what to do.</exception>
    public static DemoSpaceState LoadOrCreate(string directory, TimeProvider time, out bool created)
    {
        var path = Path.Combine(directory, FileName);
        created = !File.Exists(path);
        if (!created)
            return Load(path);
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        return new DemoSpaceState("demo_api_" + RandomHex(16), "whsec_demo_" + RandomHex(16), DemoCast.Members(now));
    }

    public void Save(string directory)
    {
        CreateOwnerOnlyDirectory(directory);
        WriteOwnerOnly(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));
        WriteOwnerOnly(Path.Combine(directory, WebhookSecretFileName), WebhookSecret);
    }

    private static DemoSpaceState Load(string path)
    {
        try
        {
            var state = JsonSerializer.Deserialize<DemoSpaceState>(File.ReadAllText(path), Json);
            if (state is { ApiKey.Length: > 0, WebhookSecret.Length: > 0, Members: { } members }
                && DemoCast.Members(default).All(m => members.Any(saved => saved?.Id == m.Id)))
                return state;
            throw NotSavedByTheDemo(path, "it lacks the space's keys or members");
        }
        catch (JsonException e)
        {
            throw NotSavedByTheDemo(path, e.Message);
        }
    }

    private static InvalidDataException NotSavedByTheDemo(string path, string problem) =>
        new($"{path} is not a demo space this demo saved ({problem}); delete it, and the next start creates the demo space afresh.");

    public SimulatedMember Member(string memberId) => Members.Single(m => m.Id == memberId);

    public DemoSpaceState With(SimulatedMember member) =>
        this with { Members = [.. Members.Select(m => m.Id == member.Id ? member : m)] };

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private static void CreateOwnerOnlyDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Writes a temporary owner-only file and moves it into place, so a reader never sees half a file.</summary>
    internal static void WriteOwnerOnly(string path, string text)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            writer.Write(text);
        File.Move(temporary, path, overwrite: true);
    }
}
