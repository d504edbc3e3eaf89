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
        ("WEBSITE_RUN_FROM_PACKAGE", AppSettingUse.Host, "Elastic Premium: URL of the package blob the platform runs (Flex Consumption takes it from functionAppConfig)"),
        ("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID", AppSettingUse.Host, "Elastic Premium: the user-assigned identity that reads the package blob"),
        ("Storage__ConnectionString", AppSettingUse.LocalOnly, "state storage connection string (Azurite)"),
        ("Storage__QueueServiceUri", AppSettingUse.LocalOnly, "queue endpoint for local mode's events queue, with an identity"),
        ("LocalData__Path", AppSettingUse.LocalOnly, "folder for local secrets, keys and data (.data)"),
        ("LocalMode__FunctionKey", AppSettingUse.LocalOnly, "the key admin routes require in local mode (random, kept in .data/function-key)"),
        ("LocalQueue__MaxDeliveryCount", AppSettingUse.LocalOnly, "deliveries before the local queue dead-letters a message (10)"),
        ("LocalQueue__LockDuration", AppSettingUse.LocalOnly, "lock of a delivered message, and the local function timeout (00:05:00)"),
        ("LocalQueue__PollInterval", AppSettingUse.LocalOnly, "pause between polls of an empty local queue (00:00:01)"),
        ("LocalQueue__MaxConcurrentCalls", AppSettingUse.LocalOnly, "messages handled at once in local mode (4)"),
    ];
}
