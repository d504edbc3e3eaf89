using CoworkSync.Functions.Hosting;
using CoworkSync.Functions.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoworkSync.UnitTests.Web;

/// <summary>The faces' Data Protection keys are loaded, and on a fresh instance created, by their first use, not at start.</summary>
public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "coworksync-unit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void DataProtection_OnItsOwn_RegistersAHostedServiceThatLoadsTheKeysAtStart()
    {
        var services = new ServiceCollection();

        services.AddDataProtection();

        Assert.Contains(services, IsDataProtectionHostedService);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheApp_RegistersDataProtection_WithoutItsHostedService(bool underFunctionsHost)
    {
        var builder = Builder();
        builder.Configuration["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        if (underFunctionsHost)
        {
            builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777";
            builder.Configuration["ServiceBusConnection:fullyQualifiedNamespace"] = "unit-test.servicebus.windows.net";
            builder.Configuration["KeyVault:VaultUri"] = "https://unit-test.vault.azure.net/";
            builder.Configuration["Email:SmtpHost"] = "smtp.unit-test.example";
        }

        builder.AddCoworkSync();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IDataProtectionProvider));
        Assert.DoesNotContain(builder.Services, IsDataProtectionHostedService);
    }

    [Fact]
    public async Task TheFirstKey_IsWrittenByTheFirstProtection_NotByTheStart()
    {
        var builder = Builder();
        builder.AddWebFaces(underFunctionsHost: false);
        builder.Services.AddAntiforgery();
        WebFaces.DataProtectionKeysOnFirstUse(builder.Services);
        await using var app = builder.Build();
        var keys = Path.Combine(_dataPath, "dataprotection-keys");

        await app.StartAsync();
        var beforeUse = Directory.Exists(keys) ? Directory.GetFiles(keys) : [];
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("unit-test");
        var protectedText = protector.Protect("a form's token");
        await app.StopAsync();

        Assert.Empty(beforeUse);
        Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        Assert.Equal("a form's token", protector.Unprotect(protectedText));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
            Directory.Delete(_dataPath, recursive: true);
    }

    private WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["LocalData:Path"] = _dataPath;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    private static bool IsDataProtectionHostedService(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService)
        && descriptor.ImplementationType?.Assembly == typeof(IDataProtectionBuilder).Assembly;
}
