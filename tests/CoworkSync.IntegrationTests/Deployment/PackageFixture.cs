using System.IO.Compression;
using CoworkSync.IntegrationTests.Infrastructure;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// The deployment zip, built once per test run by <c>scripts/package.sh</c> (or taken from
/// <c>COWORKSYNC_PACKAGE_ZIP</c> when that names an existing zip) and extracted to a temporary folder; and, on
/// first use, the packaged handler started like the Functions host does, against its own Azurite.
/// The collection runs alone: publishing keeps both cores busy for a while.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string ZipVariable = "COWORKSYNC_PACKAGE_ZIP";

    /// <summary>Stand-ins the app only contacts when used; all on this machine, so a slip sends nothing out.</summary>
    public const string ServiceBusNamespace = "localhost";
    public const string KeyVaultUri = "https://127.0.0.1:1/";
    public const string IdentityEndpoint = "http://127.0.0.1:1/msi/token";
    public const string ClientId = "00000000-0000-0000-0000-00000000c0de";
    public const string EventsQueueName = "events";

    private static readonly TimeSpan PackageTimeout = TimeSpan.FromMinutes(15);

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "coworksync-package-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AzuriteInstance? _azurite;
    private PackagedHandler? _handler;

    public string ZipPath { get; private set; } = "";

    /// <summary>The extracted package: the function app root as the host sees it.</summary>
    public string AppRoot => Path.Combine(_workDirectory, "root");

    /// <summary>How long scripts/package.sh took; null when the zip came from <see cref="ZipVariable"/>.</summary>
    public TimeSpan? PackageBuildTime { get; private set; }

    internal AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Start the handler first.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workDirectory);
        if (Environment.GetEnvironmentVariable(ZipVariable) is { Length: > 0 } existing)
        {
            ZipPath = File.Exists(existing) ? existing : throw new InvalidOperationException($"{ZipVariable} names {existing}, which does not exist.");
        }
        else
        {
            ZipPath = Path.Combine(_workDirectory, "coworksync.zip");
            var build = await ProcessRunner.RunAsync("bash", [RepositoryLayout.PackageScript, ZipPath], RepositoryLayout.RepoRoot, PackageTimeout);
            if (build.ExitCode != 0 || !File.Exists(ZipPath))
                throw new InvalidOperationException($"scripts/package.sh failed.{Environment.NewLine}{build.Describe()}");
            PackageBuildTime = build.Elapsed;
        }
        ZipFile.ExtractToDirectory(ZipPath, AppRoot);
    }

    /// <summary>The packaged handler, running (started once, on first call).</summary>
    internal async Task<PackagedHandler> HandlerAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_handler is not null)
                return _handler;
            _azurite ??= await AzuriteInstance.StartAsync();
            _handler = await PackagedHandler.StartAsync(AppRoot, new Dictionary<string, string>
            {
                // What the templates set in Azure (see infra/modules/function-app.bicep), pointed at local stand-ins.
                ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
                ["FUNCTIONS_EXTENSION_VERSION"] = "~4",
                ["ServiceBusConnection__fullyQualifiedNamespace"] = ServiceBusNamespace,
                ["ServiceBusConnection__credential"] = "managedidentity",
                ["ServiceBusConnection__clientId"] = ClientId,
                ["EventsQueueName"] = EventsQueueName,
                ["Storage__TableServiceUri"] = _azurite.TableEndpoint.AbsoluteUri,
                ["KeyVault__VaultUri"] = KeyVaultUri,
                ["AZURE_CLIENT_ID"] = ClientId,
                // A port on this machine where nothing listens: no email is sent by these invocations.
                ["Email__SmtpHost"] = "127.0.0.1",
                ["Email__SmtpPort"] = "9",
                ["Email__SenderAddress"] = "wifi@packaging-test.example",
                // Azurite has no Entra ID: the connection string (which wins over the URI) reaches it with its key.
                ["Storage__ConnectionString"] = _azurite.ConnectionString,
                // How App Service hands a managed identity to the app; a token request would stay on this machine.
                ["IDENTITY_ENDPOINT"] = IdentityEndpoint,
                ["IDENTITY_HEADER"] = "packaging-test",
            });
            return _handler;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_handler is not null)
            await _handler.DisposeAsync();
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
