using Azure.Core;
using Azure.Identity;

namespace CoworkSync.Functions.Hosting;

/// <summary>
/// The identity CoworkSync uses for Azure services: the app's managed identity under the Functions host (the
/// user-assigned one named by <c>AZURE_CLIENT_ID</c> or <c>ServiceBusConnection__clientId</c>, else the system-assigned one), the developer's sign-in elsewhere.
/// </summary>
public static class AzureCredentialFactory
{
    public const string ClientIdSetting = "AZURE_CLIENT_ID";
    public const string ServiceBusClientIdSetting = "ServiceBusConnection:clientId";

    public static TokenCredential Create(IConfiguration configuration, bool underFunctionsHost)
    {
        var clientId = configuration[ClientIdSetting] is { Length: > 0 } id ? id : configuration[ServiceBusClientIdSetting];
        if (underFunctionsHost)
        {
            return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
