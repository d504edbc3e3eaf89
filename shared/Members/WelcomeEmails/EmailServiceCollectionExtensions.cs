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

    /// <summary>
    /// Registers <see cref="IWelcomeEmailSender"/>: <see cref="SmtpWelcomeEmailSender"/> when <c>Email:SmtpHost</c> is
    /// set, otherwise <see cref="EmlFileWelcomeEmailSender"/> writing into <c>Email:OutboxPath</c> (default
    /// <c>{LocalData:Path}/mail</c>). Also <see cref="EmailOptions"/> (checked at startup) and
    /// <see cref="WelcomeEmailComposer"/>; adds <see cref="TimeProvider.System"/> only if no TimeProvider is registered.
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
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WelcomeEmailComposer>();
        if (string.IsNullOrWhiteSpace(configuration[SmtpHostSetting]))
        {
            services.TryAddSingleton<IWelcomeEmailSender, EmlFileWelcomeEmailSender>();
        }
        else
        {
            services.TryAddSingleton<IWelcomeEmailSender>(provider => new SmtpWelcomeEmailSender(
                provider.GetRequiredService<WelcomeEmailComposer>(),
                provider.GetRequiredService<IOptions<EmailOptions>>(),
                static () => new SmtpClient(),
                provider.GetRequiredService<ILogger<SmtpWelcomeEmailSender>>()));
        }
        return services;
    }
}
