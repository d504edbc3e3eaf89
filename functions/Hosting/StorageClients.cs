using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace CoworkSync.Functions.Hosting;

/// <summary>
/// The state storage account: <c>Storage__ConnectionString</c> (Azurite in local mode), or in Azure
/// <c>Storage__TableServiceUri</c> (and <c>Storage__QueueServiceUri</c>, used only by local mode's queue) with the app's identity.
/// </summary>
public static class StorageClients
{
    public const string ConnectionStringSetting = "Storage:ConnectionString";
    public const string TableServiceUriSetting = "Storage:TableServiceUri";
    public const string QueueServiceUriSetting = "Storage:QueueServiceUri";

    public static void AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider =>
        {
            var options = new TableClientOptions();
            Tune(options.Retry);
            return configuration[ConnectionStringSetting] is { Length: > 0 } connection
                ? new TableServiceClient(connection, options)
                : new TableServiceClient(RequiredUri(configuration, TableServiceUriSetting), provider.GetRequiredService<TokenCredential>(), options);
        });
        services.AddSingleton(provider =>
        {
            var options = new QueueClientOptions();
            Tune(options.Retry);
            return configuration[ConnectionStringSetting] is { Length: > 0 } connection
                ? new QueueServiceClient(connection, options)
                : new QueueServiceClient(RequiredUri(configuration, QueueServiceUriSetting), provider.GetRequiredService<TokenCredential>(), options);
        });
    }

    // Few, quick retries: callers have their own retry policies, and a health check must answer within seconds.
    private static void Tune(RetryOptions retry)
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    private static Uri RequiredUri(IConfiguration configuration, string setting) =>
        configuration[setting] is { Length: > 0 } value
            ? new Uri(value)
            : throw new InvalidOperationException(
                $"Set '{ConnectionStringSetting.Replace(":", "__", StringComparison.Ordinal)}' (local mode) or '{setting.Replace(":", "__", StringComparison.Ordinal)}' (Azure) to reach the state storage account.");
}
