namespace CoworkSync.Functions.Hosting;

/// <summary>Where a setting matters.</summary>
public enum AppSettingUse
{
    /// <summary>The app cannot run in Azure without it.</summary>
    RequiredInAzure,

    /// <summary>Read by the app in Azure, with a default when absent.</summary>
    OptionalInAzure,

    /// <summary>Read by the Functions host or the platform (bindings, host storage, monitoring), not by the app's code.</summary>
    Host,

    /// <summary>Only local mode reads it.</summary>
    LocalOnly,
}

/// <summary>Every app setting CoworkSync or its Functions host reads, by its Azure name; README and the templates follow it.</summary>
public static class AppSettingCatalog
{
    public static IReadOnlyList<(string Name, AppSettingUse Use, string Purpose)> All { get; } =
    [
        ("ServiceBusConnection__fullyQualifiedNamespace", AppSettingUse.RequiredInAzure, "Service Bus namespace host: the triggers' connection and where events are sent"),
        ("ServiceBusConnection__credential", AppSettingUse.Host, "managedidentity: the triggers authenticate with the app's identity"),
        ("ServiceBusConnection__clientId", AppSettingUse.OptionalInAzure, "client id of the user-assigned identity, for the triggers and the app"),
        ("EventsQueueName", AppSettingUse.RequiredInAzure, "the events queue; its dead-letter sub-queue feeds IngestDeadLetter"),
        ("Storage__TableServiceUri", AppSettingUse.RequiredInAzure, "table endpoint of the state storage account"),
        ("KeyVault__VaultUri", AppSettingUse.RequiredInAzure, "Key Vault holding connector secrets and encryption keys"),
        ("AZURE_CLIENT_ID", AppSettingUse.OptionalInAzure, "client id of the user-assigned identity the app uses for Azure services"),
        ("EventProcessing__MaxAttempts", AppSettingUse.OptionalInAzure, "tries before a transiently failing event becomes a dead letter (6)"),
        ("EventProcessing__BaseRetryDelay", AppSettingUse.OptionalInAzure, "delay before the second try, doubled after each (00:00:10)"),
        ("EventProcessing__MaxRetryDelay", AppSettingUse.OptionalInAzure, "longest delay between tries (00:15:00)"),
        ("EventProcessing__ClaimLease", AppSettingUse.OptionalInAzure, "how long a delivery holds an event it applies (00:05:00, the function timeout)"),
        ("Retention__ProcessedEvents", AppSettingUse.OptionalInAzure, "how long applied events are remembered (30.00:00:00)"),
        ("Email__SmtpHost", AppSettingUse.RequiredInAzure, "SMTP server for welcome emails; unset in local mode: emails are written as .eml files"),
        ("Email__SmtpPort", AppSettingUse.OptionalInAzure, "SMTP port (587)"),
        ("Email__SmtpSecurity", AppSettingUse.OptionalInAzure, "Auto, StartTls, SslOnConnect or None (Auto)"),
        ("Email__SmtpUserName", AppSettingUse.OptionalInAzure, "SMTP login; empty for none"),
        ("Email__SmtpPassword", AppSettingUse.OptionalInAzure, "SMTP password, as a Key Vault reference"),
        ("Email__SenderAddress", AppSettingUse.RequiredInAzure, "the welcome emails' sender"),
        ("Email__SenderName", AppSettingUse.OptionalInAzure, "the sender's display name (CoworkSync)"),
        ("Email__NetworkName", AppSettingUse.OptionalInAzure, "the WiFi network name (SSID) in the welcome email (CoworkSync)"),
        ("Email__SmtpTimeout", AppSettingUse.OptionalInAzure, "SMTP timeout (00:00:30)"),
        ("Email__OutboxPath", AppSettingUse.LocalOnly, "where local mode writes welcome emails as .eml files ({LocalData}/mail)"),
        ("Webhooks__SecretRotationGrace", AppSettingUse.OptionalInAzure, "how long a replaced webhook secret stays valid (1.00:00:00)"),
        ("Webhooks__MaxBodyBytes", AppSettingUse.OptionalInAzure, "largest webhook body accepted (262144)"),
        ("Coworks__SignatureTolerance", AppSettingUse.OptionalInAzure, "how far a Coworks signature's timestamp may be from now (00:05:00)"),
        ("Coworks__MaxRetries", AppSettingUse.OptionalInAzure, "retries of a failed Coworks API call (4)"),
        ("Coworks__RetryBaseDelay", AppSettingUse.OptionalInAzure, "first retry delay, doubled with jitter; Retry-After wins (00:00:01)"),
        ("Coworks__MaxRetryDelay", AppSettingUse.OptionalInAzure, "longest retry delay (00:00:30)"),
        ("Coworks__AttemptTimeout", AppSettingUse.OptionalInAzure, "timeout of one Coworks API call (00:00:10)"),
        ("Coworks__TotalTimeout", AppSettingUse.OptionalInAzure, "timeout of a call with its retries (00:01:00)"),
        ("Radius__MaxSessionTimeoutSeconds", AppSettingUse.OptionalInAzure, "longest Session-Timeout of any Access-Accept: how long a revoked member can stay online (3600)"),
        ("Radius__AccountingFlushSeconds", AppSettingUse.OptionalInAzure, "how often Interim-Updates kept in memory are written, one write per usage row (5)"),
        ("Accounts__CacheSeconds", AppSettingUse.OptionalInAzure, "how long RADIUS answers from an account and usage row read before: a change reaches every instance within it (3, at most 4)"),
        ("Cobot__PublicBaseUrl", AppSettingUse.OptionalInAzure, "this app's public URL; Cobot's OAuth redirect and webhook callbacks start with it (in Azure: https://{WEBSITE_HOSTNAME} when unset; a custom domain goes here)"),
        ("Cobot__RequestsPerMinute", AppSettingUse.OptionalInAzure, "Cobot requests per token per window (60)"),
        ("Cobot__MembershipListsPerMinute", AppSettingUse.OptionalInAzure, "GET /api/memberships per token per window (6)"),
        ("Cobot__RateWindow", AppSettingUse.OptionalInAzure, "the window Cobot's limits count in, with a margin (00:01:01)"),
        ("Cobot__MaxThrottleRetries", AppSettingUse.OptionalInAzure, "429s waited out within one Cobot call (3)"),
        ("Cobot__MaxWait", AppSettingUse.OptionalInAzure, "longest rate-limit or Retry-After wait within a call; longer is retried by the queue (00:02:00)"),
        ("Cobot__Timeout", AppSettingUse.OptionalInAzure, "timeout of one Cobot request (00:00:30)"),
        ("Cobot__OAuthStateLifetime", AppSettingUse.OptionalInAzure, "how long a Cobot connect link's state is valid (00:15:00)"),
        ("FUNCTIONS_WORKER_RUNTIME", AppSettingUse.Host, "custom"),
        ("FUNCTIONS_EXTENSION_VERSION", AppSettingUse.Host, "~4"),
        ("AzureWebJobsStorage", AppSettingUse.Host, "host storage by connection string: only when running under Functions Core Tools"),
        ("AzureWebJobsStorage__accountName", AppSettingUse.Host, "host storage account (identity-based)"),
        ("AzureWebJobsStorage__blobServiceUri", AppSettingUse.Host, "host storage blob endpoint (identity-based)"),
        ("AzureWebJobsStorage__queueServiceUri", AppSettingUse.Host, "host storage queue endpoint (identity-based)"),
        ("AzureWebJobsStorage__tableServiceUri", AppSettingUse.Host, "host storage table endpoint (identity-based)"),
        ("AzureWebJobsStorage__credential", AppSettingUse.Host, "managedidentity"),
        ("AzureWebJobsStorage__clientId", AppSettingUse.Host, "client id of the user-assigned identity for host storage"),
        ("APPLICATIONINSIGHTS_CONNECTION_STRING", AppSettingUse.Host, "Application Insights"),
        ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", AppSettingUse.Host, "Application Insights with Entra authentication"),
        ("WEBSITE_HOSTNAME", AppSettingUse.Host, "set by the platform: the app's default host name, the Cobot public URL when Cobot__PublicBaseUrl is unset"),
        ("WEBSITE_AUTH_ENABLED", AppSettingUse.Host, "set by the platform: True when App Service authentication is on; only then does the console believe the principal header X-MS-CLIENT-PRINCIPAL"),
        ("WEBSITE_RUN_FROM_PACKAGE", AppSettingUse.Host, "Elastic Premium: URL of the package blob the platform runs (Flex Consumption takes it from functionAppConfig)"),
        ("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID", AppSettingUse.Host, "Elastic Premium: the user-assigned identity that reads the package blob"),
        ("Storage__ConnectionString", AppSettingUse.LocalOnly, "state storage connection string (Azurite)"),
        ("Storage__QueueServiceUri", AppSettingUse.LocalOnly, "queue endpoint for local mode's events queue, with an identity"),
        ("LocalData__Path", AppSettingUse.LocalOnly, "folder for local secrets, keys and data (.data)"),
        ("LocalMode__FunctionKey", AppSettingUse.LocalOnly, "the key admin routes require in local mode (random, kept in .data/function-key)"),
        ("LocalQueue__MaxDeliveryCount", AppSettingUse.LocalOnly, "deliveries before the local queue dead-letters a message (10)"),
        ("LocalQueue__LockDuration", AppSettingUse.LocalOnly, "lock of a delivered message, and the local function timeout (00:05:00)"),
        ("LocalQueue__PollInterval", AppSettingUse.LocalOnly, "pause between polls of an empty local queue; an event this process sends wakes it at once (00:00:01)"),
        ("LocalQueue__MaxConcurrentCalls", AppSettingUse.LocalOnly, "messages handled at once in local mode (16)"),
    ];
}
