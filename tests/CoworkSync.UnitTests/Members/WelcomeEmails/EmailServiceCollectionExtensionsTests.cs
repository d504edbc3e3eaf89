using CoworkSync.Members.WelcomeEmails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Members.WelcomeEmails;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddWelcomeEmail_NoSmtpHost_WritesEmlFilesUnderLocalData()
    {
        var localData = Path.Combine(Path.GetTempPath(), $"coworksync-{Guid.NewGuid():N}");
        using var provider = Build(("LocalData:Path", localData));

        Assert.IsType<EmlFileWelcomeEmailSender>(provider.GetRequiredService<IWelcomeEmailSender>());
        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(Path.Combine(localData, "mail"), options.OutboxPath);
        Assert.Equal((587, SmtpSecurity.Auto, "CoworkSync", "CoworkSync"), (options.SmtpPort, options.SmtpSecurity, options.SenderName, options.NetworkName));
    }

    [Fact]
    public void AddWelcomeEmail_NoSmtpHostNorLocalData_OutboxDefaultsToDotData()
    {
        using var provider = Build();

        Assert.Equal(Path.Combine(".data", "mail"), provider.GetRequiredService<IOptions<EmailOptions>>().Value.OutboxPath);
    }

    [Fact]
    public void AddWelcomeEmail_SmtpHost_SendsBySmtpWithBoundSettings()
    {
        using var provider = Build(
            ("Email:SmtpHost", "smtp.example.com"), ("Email:SmtpPort", "465"), ("Email:SmtpSecurity", "SslOnConnect"),
            ("Email:SenderAddress", "wifi@example.com"), ("Email:NetworkName", "Hub-Members"), ("Email:OutboxPath", "/tmp/outbox"));

        Assert.IsType<SmtpWelcomeEmailSender>(provider.GetRequiredService<IWelcomeEmailSender>());
        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal((465, SmtpSecurity.SslOnConnect, "Hub-Members", "/tmp/outbox"), (options.SmtpPort, options.SmtpSecurity, options.NetworkName, options.OutboxPath));
    }

    [Fact]
    public void AddWelcomeEmail_TimeProviderRegistered_KeepsIt()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);

        services.AddWelcomeEmail(Configuration());
        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void AddWelcomeEmail_CalledTwice_RegistersOneSender()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWelcomeEmail(Configuration()).AddWelcomeEmail(Configuration());

        Assert.Single(services, d => d.ServiceType == typeof(IWelcomeEmailSender));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<EmailOptions>));
    }

    [Theory]
    [InlineData("Email:SenderAddress", "", "SenderAddress is required")]
    [InlineData("Email:SenderAddress", "not an address", "SenderAddress is not an email address")]
    [InlineData("Email:SmtpPort", "0", "SmtpPort")]
    [InlineData("Email:SmtpUserName", "relay-user", "SmtpPassword is required")]
    [InlineData("Email:NetworkName", " ", "NetworkName")]
    public void AddWelcomeEmail_InvalidSmtpSettings_FailValidation(string key, string value, string expected)
    {
        using var provider = Build(("Email:SmtpHost", "smtp.example.com"), ("Email:SenderAddress", "wifi@example.com"), (key, value));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWelcomeEmail_SmtpPasswordInvalidSettings_MessageLeavesPasswordOut()
    {
        using var provider = Build(("Email:SmtpHost", "smtp.example.com"), ("Email:SmtpPassword", EmailTestData.SmtpPassword), ("Email:SmtpPort", "0"));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.DoesNotContain(EmailTestData.SmtpPassword, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        new ServiceCollection().AddLogging().AddWelcomeEmail(Configuration(settings)).BuildServiceProvider();

    /// <summary>Settings in order; a later one replaces an earlier one with the same key.</summary>
    private static IConfiguration Configuration(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
            values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
