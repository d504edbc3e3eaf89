using CoworkSync.Functions.Hosting.Http;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support.Secrets;
using CoworkSync.Simulators.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>
/// The demo's world, as <c>bash scripts/demo.sh</c> leaves it: CoworkSync in local mode (see <see cref="BrowserSite"/>)
/// with its function key in <c>function-key</c> and its emails as <c>.eml</c> files in <c>mail/</c> of its data folder,
/// as <c>scripts/start.sh --demo</c> sets it, and the demo itself (<see cref="DemoRunner"/>, in process, on a free port):
/// the demo Coworks space, its connector, its members (one suspended) with their welcome emails, and one dead letter
/// (<see cref="DemoRunner.DeadLetterReason"/>) to replay. Nothing here seeds data of its own.
/// </summary>
public sealed class DemoSite() : BrowserSite("demo")
{
    private readonly CancellationTokenSource _stopDemo = new();
    private readonly ReadyWatchingWriter _demoOutput = new();
    private readonly StringWriter _demoErrors = new();
    private Task<int>? _demo;

    /// <summary>The admin key the app created in its data folder (local mode's <c>function-key</c>), as the demo reads it.</summary>
    public string AdminKey { get; private set; } = "";

    public DemoOptions Demo { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> AppSettings() => new Dictionary<string, string?>
    {
        // What scripts/demo.sh's use_local_demo_settings sets: a random key kept in the data folder, emails as .eml files.
        ["LocalMode:FunctionKey"] = "",
        ["Email:SmtpHost"] = "",
        ["Email:OutboxPath"] = Path.Combine(DataPath, "mail"),
        ["Email:PortalUrl"] = new Uri(BaseUrl, "portal").AbsoluteUri,
    };

    protected override async Task SetUpAsync()
    {
        // Read as the app reads it, which writes function-key if no request has yet; the demo reads that file.
        AdminKey = App.Services.GetRequiredService<IOptions<FunctionKeyOptions>>().Value.Key
            ?? throw new InvalidOperationException("The app in local mode has no function key.");
        SecretsInLogs.Register(AdminKey);
        Demo = new DemoOptions
        {
            AppUrl = BaseUrl,
            DataDirectory = DataPath,
            Port = FreePorts.Tcp()[0],
            RadiusMissing = "the browser tests start no FreeRADIUS.",
        };
        var runner = new DemoRunner(Demo, _demoOutput, TextWriter.Synchronized(_demoErrors), TimeProvider.System);
        _demo = Task.Run(() => runner.RunAsync(_stopDemo.Token));
        if (await Task.WhenAny(_demoOutput.Ready, _demo) != _demoOutput.Ready)
        {
            throw new InvalidOperationException(
                $"The demo stopped before it was ready (exit {await _demo}):{Environment.NewLine}{_demoErrors}{Environment.NewLine}{_demoOutput}");
        }
    }

    /// <summary>The member's emails in the demo's outbox whose subject starts so, oldest first.</summary>
    public IReadOnlyList<string> Emails(string emailAddress, string subjectStart) =>
        [.. WelcomeEmailOutbox.FilesFor(Demo.Outbox, emailAddress).Where(f => MimeKit.MimeMessage.Load(f).Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)];

    protected override async Task StopBeforeAppAsync()
    {
        await _stopDemo.CancelAsync();
        if (_demo is not null)
            await _demo;
        _stopDemo.Dispose();
    }

    /// <summary>The demo's output, telling when it printed <see cref="DemoRunner.ReadyLine"/>.</summary>
    private sealed class ReadyWatchingWriter : StringWriter
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();

        public Task Ready => _ready.Task;

        public override void Write(char value)
        {
            lock (_lock)
                base.Write(value);
        }

        public override void Write(string? value)
        {
            lock (_lock)
                base.Write(value);
        }

        public override void WriteLine(string? value)
        {
            lock (_lock)
                base.WriteLine(value);
            if (value == DemoRunner.ReadyLine)
                _ready.TrySetResult();
        }

        public override string ToString()
        {
            lock (_lock)
                return base.ToString();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site";
}
