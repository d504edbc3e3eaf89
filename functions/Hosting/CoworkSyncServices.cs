using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Hosting.Local;
using CoworkSync.Functions.IngestDeadLetter;
using CoworkSync.Functions.PollCobot;
using CoworkSync.Functions.PollCoworks;
using CoworkSync.Functions.ProcessEvent;
using CoworkSync.Functions.PurgeProcessedEvents;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Members.Sync;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.LocalQueue;
using CoworkSync.Messaging.Processing;
using CoworkSync.Messaging.Publishing;
using CoworkSync.NetworkAccess;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Platforms.Coworks;
using CoworkSync.State.Health;
using CoworkSync.State.Secrets;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.Functions.Hosting;

/// <summary>The composition root: one place that says which implementation serves each part, per hosting mode.</summary>
public static class CoworkSyncServices
{
    public const string ServiceBusNamespaceSetting = "ServiceBusConnection:fullyQualifiedNamespace";
    public const string LocalDataPathSetting = "LocalData:Path";

    public static WebApplicationBuilder AddCoworkSync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var underFunctionsHost = HostingMode.IsCustomHandler(configuration);

        ConfigureLogging(builder.Logging, underFunctionsHost);
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = o.ValidateScopes = true);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => AzureCredentialFactory.Create(configuration, underFunctionsHost));

        if (underFunctionsHost)
            RequireAzureSettings(configuration);
        AddState(services, configuration);
        AddProvisioning(services, configuration);
        AddConnectors(services);
        AddRadius(services);
        AddEventProcessing(services, configuration, underFunctionsHost);
        AddFunctions(services);

        if (!underFunctionsHost)
        {
            var dataPath = Path.GetFullPath(configuration[LocalDataPathSetting] ?? ".data");
            services.Configure<FunctionKeyOptions>(o => o.Key = LocalFunctionKey.Resolve(configuration, dataPath));
            services.AddHostedService<LocalTimerScheduler>();
            if (string.IsNullOrEmpty(configuration["urls"]))
                builder.WebHost.UseUrls(LocalModeDefaults.Url);
        }
        return builder;
    }

    /// <summary>What must be set under the Functions host, where a local fallback would be wrong.</summary>
    private static void RequireAzureSettings(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["KeyVault:VaultUri"]))
            throw new InvalidOperationException("Under the Functions host, set 'KeyVault__VaultUri': secrets live in Key Vault, never in the app's files.");
        if (string.IsNullOrWhiteSpace(configuration["Email:SmtpHost"]))
            throw new InvalidOperationException("Under the Functions host, set 'Email__SmtpHost': welcome emails are sent by SMTP, never written to the app's disk.");
    }

    private static void AddState(IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageClients(configuration);
        services.AddSecretStore(configuration);
        services.AddSingleton<StateTables>();
        services.AddSingleton<ProcessedEventStore>();
        services.AddSingleton<IProcessedEventStore>(provider => provider.GetRequiredService<ProcessedEventStore>());
        services.AddSingleton<IExpiringRecords>(provider => provider.GetRequiredService<ProcessedEventStore>());
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddSingleton<DeadLetterActions>();
        services.AddSingleton<DeadLetterIngestor>();
        services.AddSingleton<IHealthProbe, TableStorageHealthProbe>();
    }

    private static void AddProvisioning(IServiceCollection services, IConfiguration configuration)
    {
        services.AddWifiPasswordProtector();
        services.AddSingleton<MemberStore>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<MemberReconciler>();
        services.AddSingleton<MemberProvisioner>();
        services.AddWelcomeEmail(configuration);
        services.AddSingleton<IEventHandler, WelcomeEmailHandler>();
        services.AddSingleton<SyncRunStore>();
        services.AddSingleton<SyncStarter>();
        services.AddSingleton<ScheduledSyncs>();
        services.AddSingleton<IEventHandler, ConnectorSyncHandler>();
    }

    private static void AddConnectors(IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddSingleton<ConnectorStore>();
        services.AddSingleton<ConnectorCache>();
        services.AddSingleton<ConnectorSecrets>();
        services.AddSingleton<AcceptedWebhookStore>();
        services.AddSingleton<IExpiringRecords>(provider => provider.GetRequiredService<AcceptedWebhookStore>());
        services.AddSingleton<PlatformConnectors>();
        services.AddCoworksConnector();
        services.AddSingleton<IPlatformConnector, CoworksPlatformConnector>();
        services.AddSingleton<IEventHandler, CoworksWebhookEventHandler>();
        AddCobot(services);
        services.AddSingleton<ConnectorViews>();
    }

    private static void AddCobot(IServiceCollection services)
    {
        services.AddCobotClient();
        services.AddSingleton<CobotConnections>();
        services.AddSingleton<CobotConnectionStore>();
        services.AddSingleton<CobotPlatformFailures>();
        services.AddSingleton<CobotCallbackUrls>();
        services.AddSingleton<CobotSubscriptions>();
        services.AddSingleton<CobotWebhookCheck>();
        services.AddSingleton<CobotTimeZoneCheck>();
        services.AddSingleton<CobotCustomFieldSetup>();
        services.AddSingleton<CobotPlanNames>();
        services.AddSingleton<CobotOAuthState>();
        services.AddSingleton<CobotConnectFlow>();
        services.AddSingleton<CobotMemberRefresher>();
        services.AddSingleton<CobotCheckInStore>();
        services.AddSingleton<IPlatformConnector, CobotPlatformConnector>();
        services.AddSingleton<IEventHandler, CobotWebhookEventHandler>();
        services.AddSingleton<IEventHandler, CobotCheckInHandler>();
        services.AddSingleton<ISessionStartObserver, CobotCheckInQueue>();
    }

    private static void AddRadius(IServiceCollection services)
    {
        services.AddOptions<RadiusOptions>().BindConfiguration(RadiusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccessGroupStore>();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<RadiusAuthorizer>();
        services.AddSingleton<RadiusAccountant>();
        services.AddSingleton<UsageReport>();
    }

    private static void AddEventProcessing(IServiceCollection services, IConfiguration configuration, bool underFunctionsHost)
    {
        services.AddOptions<EventProcessingOptions>().BindConfiguration(EventProcessingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        services.AddSingleton<EventHandlerRegistry>();
        services.AddSingleton<IEventProcessor, EventProcessor>();
        AddEventQueue(services, configuration, underFunctionsHost);
    }

    private static void AddFunctions(IServiceCollection services)
    {
        services.AddSingleton<IInvocationFunction, ProcessEventFunction>();
        services.AddSingleton<IInvocationFunction, IngestDeadLetterFunction>();
        services.AddSingleton<IInvocationFunction, PurgeProcessedEventsFunction>();
        services.AddSingleton<IInvocationFunction, PollCoworksFunction>();
        services.AddSingleton<IInvocationFunction, PollCobotFunction>();
        services.AddSingleton<FunctionInvoker>();
    }

    private static void AddEventQueue(IServiceCollection services, IConfiguration configuration, bool underFunctionsHost)
    {
        if (configuration[ServiceBusNamespaceSetting] is { Length: > 0 })
        {
            services.AddServiceBusPublisher(configuration);
            return;
        }
        if (underFunctionsHost)
            throw new InvalidOperationException($"Under the Functions host, set '{ServiceBusNamespaceSetting.Replace(":", "__", StringComparison.Ordinal)}': events go through Service Bus.");

        services.AddOptions<LocalQueueOptions>()
            .BindConfiguration(LocalQueueOptions.SectionName)
            .Configure(o => o.QueueName = configuration["EventsQueueName"] is { Length: > 0 } name ? name : o.QueueName);
        services.AddSingleton<LocalEventQueue>();
        services.AddSingleton<IEventPublisher, LocalQueueEventPublisher>();
        services.AddSingleton<IHealthProbe, LocalQueueHealthProbe>();
        services.AddHostedService<LocalQueuePump>();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, bool underFunctionsHost)
    {
        logging.ClearProviders();
        // Off entirely: its request scope ("RequestPath") would put the Cobot webhook's callback token, a secret in the
        // URL path, into every line logged while a webhook is handled. Its own lines (request started/finished) are
        // below the Warning the framework gets anyway.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // The Azure SDK's own events, which AddAzureClients forwards to logging: the Service Bus client logs every send
        // and link at Information and below. Its warnings (a retried operation) and errors stay.
        logging.AddFilter("Azure", LogLevel.Warning);
        if (underFunctionsHost)
        {
            // The host collects stdout; one JSON object per line keeps the structure.
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
