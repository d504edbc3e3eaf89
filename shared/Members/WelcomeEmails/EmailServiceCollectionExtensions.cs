using CoworkSync.State.Secrets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Members.WelcomeEmails;

public static class EmailServiceCollectionExtensions
{
    public const string SmtpHostSetting = EmailOptions.SectionName + ":SmtpHost";
    public const string PortalUrlSetting = EmailOptions.SectionName + ":PortalUrl";

    /// <summary>Set by App Service in Azure: the app's default host name.</summary>
    public const string WebsiteHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary>
    /// Registers <see cref="IWelcomeEmailSender"/> and <see cref="IMemberEmailSender"/> (one instance for both):
    /// <see cref="SmtpWelcomeEmailSender"/> when <c>Email:SmtpHost</c> is
    /// set, otherwise <see cref="EmlFileWelcomeEmailSender"/> writing into <c>Email:OutboxPath</c> (default
    /// <c>{LocalData:Path}/mail</c>). Also <see cref="EmailOptions"/> (checked at startup) and
    /// <see cref="WelcomeEmailComposer"/> and <see cref="MemberEmailComposer"/>; adds <see cref="TimeProvider.System"/> only if no TimeProvider is registered.
    /// </summary>
    public static IServiceCollection AddWelcomeEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.OutboxPath))
                    options.OutboxPath = Path.Combine(configuration[SecretStoreServiceCollectionExtensions.LocalDataPathSetting] ?? ".data", "mail");
                // In Azure the platform sets WEBSITE_HOSTNAME to the app's default host name; a custom domain is configured.
                if (string.IsNullOrWhiteSpace(options.PortalUrl) && configuration[WebsiteHostNameSetting] is { Length: > 0 } host)
                    options.PortalUrl = $"https://{host}/portal";
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WelcomeEmailComposer>();
        services.TryAddSingleton<MemberEmailComposer>();
        if (string.IsNullOrWhiteSpace(configuration[SmtpHostSetting]))
        {
            services.TryAddSingleton<EmlFileWelcomeEmailSender>();
            services.TryAddSingleton<IWelcomeEmailSender>(provider => provider.GetRequiredService<EmlFileWelcomeEmailSender>());
            services.TryAddSingleton<IMemberEmailSender>(provider => provider.GetRequiredService<EmlFileWelcomeEmailSender>());
        }
        else
        {
            services.TryAddSingleton(provider => new SmtpWelcomeEmailSender(
                provider.GetRequiredService<WelcomeEmailComposer>(),
                provider.GetRequiredService<IOptions<EmailOptions>>(),
                static () => new SmtpClient(),
                provider.GetRequiredService<ILogger<SmtpWelcomeEmailSender>>()));
            services.TryAddSingleton<IWelcomeEmailSender>(provider => provider.GetRequiredService<SmtpWelcomeEmailSender>());
            services.TryAddSingleton<IMemberEmailSender>(provider => provider.GetRequiredService<SmtpWelcomeEmailSender>());
        }
        return services;
    }
}
