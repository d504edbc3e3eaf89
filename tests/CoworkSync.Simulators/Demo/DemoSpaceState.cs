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
    public static DemoSpaceState LoadOrCreate(string directory, TimeProvider time, out bool created)
    {
        var path = Path.Combine(directory, FileName);
        created = !File.Exists(path);
        if (!created)
        {
            return JsonSerializer.Deserialize<DemoSpaceState>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty; delete it to start the demo space afresh.");
        }
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        return new DemoSpaceState("demo_api_" + RandomHex(16), "whsec_demo_" + RandomHex(16), DemoCast.Members(now));
    }

    public void Save(string directory)
    {
        CreateOwnerOnlyDirectory(directory);
        WriteOwnerOnly(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));
        WriteOwnerOnly(Path.Combine(directory, WebhookSecretFileName), WebhookSecret);
    }

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
