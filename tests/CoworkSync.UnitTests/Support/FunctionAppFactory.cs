using Azure.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace CoworkSync.UnitTests.Support;

/// <summary>The function app in-process, with settings and services a test chooses; no background services run.</summary>
public sealed class FunctionAppFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    : WebApplicationFactory<Program>
{
    public const string FunctionKey = "test-function-key";

    public static FunctionAppFactory UnderFunctionsHost(Action<IServiceCollection>? configure = null) => new(new Dictionary<string, string?>
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777",
        ["ServiceBusConnection:fullyQualifiedNamespace"] = "unit-test.servicebus.windows.net",
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["KeyVault:VaultUri"] = "https://unit-test.vault.azure.net/",
        ["Email:SmtpHost"] = "smtp.unit-test.example",
        ["Email:SenderAddress"] = "wifi@unit-test.example",
    }, configure);

    public static FunctionAppFactory LocalMode(Action<IServiceCollection>? configure = null) => new(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["LocalMode:FunctionKey"] = FunctionKey,
        ["LocalData:Path"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coworksync-unit-" + Guid.NewGuid().ToString("N")),
    }, configure);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Mock.Of<TokenCredential>());
            services.RemoveAll<IHostedService>();
            configure?.Invoke(services);
        });
    }
}
