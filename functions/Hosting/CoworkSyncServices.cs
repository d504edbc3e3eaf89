using CoworkSync.Access;
using CoworkSync.Administration;
using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Events;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Hosting.Local;
using CoworkSync.Functions.Platforms.Cobot;
using CoworkSync.Functions.Platforms.Coworks;
using CoworkSync.MemberPortal;
using CoworkSync.Members;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging;
using CoworkSync.NetworkAccess;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Platforms.Coworks;
using CoworkSync.State;
using CoworkSync.State.CrashPoints;
using CoworkSync.Functions.Console;
using CoworkSync.Functions.Portal;
using CoworkSync.Functions.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.Functions.Hosting;

/// <summary>
/// The composition root: each area registers itself with its own <c>AddX()</c>; here are only the hosting concerns
/// (logging, the hosting mode, the settings the Functions host requires) and the choice of platforms.
/// </summary>
public static class CoworkSyncServices
{
    public const string ServiceBusNamespaceSetting = MessagingServiceCollectionExtensions.ServiceBusNamespaceSetting;
    public const string LocalDataPathSetting = "LocalData:Path";

    public static WebApplicationBuilder AddCoworkSync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var underFunctionsHost = HostingMode.IsCustomHandler(configuration);

        ConfigureLogging(builder.Logging, underFunctionsHost);
        // Validating every registration when the container is built costs a cold start hundreds of milliseconds; the
        // integration tests run the app in Development (WebApplicationFactory's default), so every build of theirs checks.
        var validate = builder.Environment.IsDevelopment();
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = o.ValidateScopes = validate);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => AzureCredentialFactory.Create(configuration, underFunctionsHost));
        if (underFunctionsHost)
            RequireAzureSettings(configuration);
        services.AddStorageClients(configuration);

        services.AddStateStorage(configuration);
        services.AddMessaging(configuration, requireServiceBus: underFunctionsHost);
        services.AddAccessGroups();
        services.AddConnectors();
        services.AddMembers(configuration);
        services.AddNetworkAccess();
        services.AddCoworks();
        services.AddCobot();
        services.AddAdministration();
        services.AddMemberPortal();

        services.AddAdminFunctions();
        services.AddEventFunctions();
        services.AddCoworksFunctions();
        services.AddCobotFunctions();
        FunctionInvoker.Register(services);
        builder.AddWebFaces(underFunctionsHost);
        builder.AddConsole(underFunctionsHost);
        builder.AddPortal(underFunctionsHost);
        WebFaces.DataProtectionKeysOnFirstUse(services);

        if (!underFunctionsHost)
        {
            var dataPath = Path.GetFullPath(configuration[LocalDataPathSetting] ?? ".data");
            services.Configure<FunctionKeyOptions>(o => o.Key = LocalFunctionKey.Resolve(configuration, dataPath));
            services.AddHostedService<LocalTimerScheduler>();
            if (LocalCrashPoints.FromSettings(configuration, dataPath) is { } crashPoints)
                services.Replace(ServiceDescriptor.Singleton<ICrashPoints>(crashPoints));
            if (MessagingServiceCollectionExtensions.UsesLocalQueue(configuration))
                services.AddHostedService<LocalQueuePump>();
            if (string.IsNullOrEmpty(configuration["urls"]))
                builder.WebHost.UseUrls(LocalModeDefaults.Url);
            // Members' emails link to the portal at the address the app listens on, unless one is configured.
            var localUrl = (configuration["urls"] is { Length: > 0 } urls ? urls.Split(';')[0] : LocalModeDefaults.Url).TrimEnd('/');
            services.PostConfigure<EmailOptions>(o => o.PortalUrl = string.IsNullOrWhiteSpace(o.PortalUrl) ? localUrl + WebPaths.Portal : o.PortalUrl);
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

    private static void ConfigureLogging(ILoggingBuilder logging, bool underFunctionsHost)
    {
        logging.ClearProviders();
        // Off entirely: its request scope ("RequestPath") would put a webhook URL's callback token, a secret in the
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
