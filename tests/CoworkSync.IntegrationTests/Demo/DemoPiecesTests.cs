using System.Net;
using System.Net.Sockets;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Demo;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.Demo;

/// <summary>The pieces the demo relies on for "nothing twice" and for its printed commands, against the real files and parsers.</summary>
public sealed class DemoPiecesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "coworksync-demo-pieces-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    [Fact]
    public void DemoWebhook_ForTheSameState_HasTheSameEventIdAndAnotherForAChangedMember()
    {
        var member = DemoCast.Members(Now)[0];

        var first = DemoWebhooks.For(member, "whsec_demo", Now);
        var again = DemoWebhooks.For(member, "whsec_demo", Now.AddMinutes(5));
        var suspended = DemoWebhooks.For(member with { Status = "suspended", UpdatedAt = Now.AddMinutes(1) }, "whsec_demo", Now);

        Assert.Equal(first.EventId, again.EventId);
        Assert.NotEqual(first.EventId, suspended.EventId);
    }

    [Fact]
    public void DemoWebhook_IsSignedAsDocumentedAndCarriesTheMembersUpdatedAtAsCreatedAt()
    {
        var member = DemoCast.Members(Now.AddDays(-1)).Single(m => m.Id == DemoCast.SuspendedMemberId) with { Status = "suspended" };

        var webhook = DemoWebhooks.For(member, "whsec_demo", Now);

        Assert.Equal(CoworksSignatureResult.Valid, CoworksSignature.Verify(webhook.Body, webhook.SignatureHeader, ["whsec_demo"], Now, CoworksSignature.DefaultTolerance));
        var parsed = CoworksWebhookParser.Parse(webhook.Body);
        Assert.Equal(webhook.EventId, parsed.Id);
        Assert.Equal(CoworksEventTypes.MemberUpdated, parsed.TypeName);
        Assert.Equal(member.UpdatedAt, parsed.CreatedAt);
        Assert.Equal(DemoCast.SpaceId, parsed.SpaceId);
    }

    [Fact]
    public void SpaceState_SavedAndLoaded_KeepsKeysAndMembersAndWritesTheSecretAloneOwnerOnly()
    {
        var created = DemoSpaceState.LoadOrCreate(_folder, new FakeTimeProvider(Now), out var isNew);
        var changed = created.With(created.Member(DemoCast.SuspendedMemberId) with { Status = "suspended" });
        changed.Save(_folder);

        var loaded = DemoSpaceState.LoadOrCreate(_folder, new FakeTimeProvider(Now.AddDays(1)), out var isNewAgain);

        Assert.True(isNew);
        Assert.False(isNewAgain);
        Assert.Equal(changed.ApiKey, loaded.ApiKey);
        Assert.Equal(changed.WebhookSecret, loaded.WebhookSecret);
        Assert.Equal(changed.Members, loaded.Members);
        Assert.Equal("suspended", loaded.Member(DemoCast.SuspendedMemberId).Status);
        var secretFile = Path.Combine(_folder, DemoSpaceState.WebhookSecretFileName);
        Assert.Equal(changed.WebhookSecret, File.ReadAllText(secretFile)); // no BOM, no newline: openssl -hmac "$(cat …)" gets exactly the secret
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
    }

    [Theory]
    [InlineData("{\"apiKey\": \"demo_api_1\", \"members\": [")]
    [InlineData("{}")]
    public void SpaceState_FromAFileItDidNotWrite_IsRefusedNamingTheFileAndWhatToDo(string text)
    {
        var path = Path.Combine(_folder, DemoSpaceState.FileName);
        File.WriteAllText(path, text);

        var refused = Assert.Throws<InvalidDataException>(() => DemoSpaceState.LoadOrCreate(_folder, new FakeTimeProvider(Now), out _));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_WithACorruptSpaceFile_EndsWithOneErrorLineNamingTheFile()
    {
        var spaceFile = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "demo")).FullName, DemoSpaceState.FileName);
        File.WriteAllText(spaceFile, "not json");

        var (exitCode, errors) = await RunDemoAsync(port: 0);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("error: " + spaceFile, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_WhenItsPortIsTaken_EndsWithOneErrorLineNamingThePortAndTheSettingToChooseAnother()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, errors) = await RunDemoAsync(port);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("COWORKSYNC_DEMO_PORT", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextSteps_WithTwoWelcomeEmailsForAMember_PutsTheNewestPasswordInItsRadclientRequest()
    {
        var outbox = Path.Combine(_folder, "mail");
        var time = new FakeTimeProvider(Now.AddDays(1));
        await EmlSender(outbox, time).SendAsync(Barbara("NewerPassword2"), CancellationToken.None);
        await EmlSender(outbox, new FakeTimeProvider(Now)).SendAsync(Barbara("OlderPassword1"), CancellationToken.None);
        var options = new DemoOptions
        {
            AppUrl = new Uri("http://127.0.0.1:7071"),
            DataDirectory = _folder,
            RadiusPort = 18812,
            RadiusSecretFile = Path.Combine(_folder, "secret"),
        };

        new NextSteps(options, new DemoSpaceState("demo_api", "whsec_demo", DemoCast.Members(Now)), TextWriter.Null, time).Print(null);

        Assert.Contains("User-Password = 'NewerPassword2'\n", File.ReadAllText(Path.Combine(_folder, "demo", "radclient", "barbara.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_AWelcomeEmailWrittenByLocalMode_GivesBackTheExactPassword()
    {
        // Every character class of the password alphabet, including the ones an encoding could touch.
        const string password = "Ab3#%+=?!xYz29";
        var sender = EmlSender(_folder, TimeProvider.System);
        await sender.SendAsync(new WelcomeEmail("barbara.liskov@example.com", "Barbara Liskov", "barbara.liskov@example.com", password), CancellationToken.None);

        var file = Assert.Single(WelcomeEmailOutbox.FilesFor(_folder, "barbara.liskov@example.com"));

        Assert.Equal(password, WelcomeEmailOutbox.Password(file));
        Assert.Empty(WelcomeEmailOutbox.FilesFor(_folder, "ada.lovelace@example.com"));
    }

    [Fact]
    public void RadclientRequest_HoldsTheCredentialsQuotedLiterallyAndTheExpectedAnswer()
    {
        var path = RadclientRequests.Write(_folder, "barbara", "barbara.liskov@example.com", "Ab3#%+=?!xYz29", "Access-Accept");

        Assert.Equal(
            "User-Name = 'barbara.liskov@example.com'\nUser-Password = 'Ab3#%+=?!xYz29'\nNAS-Identifier = 'demo-ap-1'\nResponse-Packet-Type = Access-Accept\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Options_FromTheScriptsArguments_AreReadAndUnknownOnesRefused()
    {
        var options = DemoOptions.Parse(["--app-url", "http://127.0.0.1:7071", "--data-dir", _folder, "--port", "7072",
            "--radius-port", "18812", "--radius-secret-file", Path.Combine(_folder, "secret")]);

        Assert.Equal(new Uri("http://127.0.0.1:7071"), options.AppUrl);
        Assert.Equal(Path.Combine(_folder, "demo"), options.StateDirectory);
        Assert.Equal(Path.Combine(_folder, "mail"), options.Outbox);
        Assert.Equal(18812, options.RadiusPort);
        Assert.Throws<ArgumentException>(() => DemoOptions.Parse(["--app-url", "http://127.0.0.1:7071", "--data-dir", _folder, "--colour", "blue"]));
        Assert.Throws<ArgumentException>(() => DemoOptions.Parse(["--data-dir", _folder]));
        Assert.Throws<ArgumentException>(() => DemoOptions.Parse(["--app-url", "http://127.0.0.1:7071", "--data-dir", _folder, "--radius-port", "18812"]));
    }

    private static WelcomeEmail Barbara(string password) => new("barbara.liskov@example.com", "Barbara Liskov", "barbara.liskov@example.com", password);

    private static EmlFileWelcomeEmailSender EmlSender(string outbox, TimeProvider time)
    {
        var options = Options.Create(new EmailOptions { OutboxPath = outbox, NetworkName = "Demo" });
        return new EmlFileWelcomeEmailSender(new WelcomeEmailComposer(options, time), options, time, NullLogger<EmlFileWelcomeEmailSender>.Instance);
    }

    /// <summary>The demo command against a CoworkSync that never answers, stopped after a few seconds at most.</summary>
    private async Task<(int ExitCode, string[] Errors)> RunDemoAsync(int port)
    {
        var options = new DemoOptions { AppUrl = new Uri("http://127.0.0.1:9/"), DataDirectory = _folder, Port = port, SetupTimeout = TimeSpan.FromSeconds(5) };
        using var errors = new StringWriter();
        var exitCode = await new DemoRunner(options, TextWriter.Null, errors, new FakeTimeProvider(Now)).RunAsync(CancellationToken.None);
        return (exitCode, errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
