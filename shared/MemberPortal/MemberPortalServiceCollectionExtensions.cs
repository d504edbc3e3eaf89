using CoworkSync.MemberPortal.Accounts;
using CoworkSync.MemberPortal.Passwords;
using CoworkSync.MemberPortal.Profiles;
using CoworkSync.MemberPortal.SignInLinks;
using CoworkSync.State.Tables;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.MemberPortal;

public static class MemberPortalServiceCollectionExtensions
{
    /// <summary>
    /// Registers what members do for themselves in the portal: their own accounts (the one gate, <see cref="OwnAccounts"/>),
    /// their password (shown, changed, with the notice email's handler), their Apple profile, emailed sign-in links (the
    /// request, the sending handler that finds members through the members' email index, the one-time tokens and the
    /// limits),. Their changes go to the audit log through <see cref="IMemberPortalAudit"/>, which administration registers.
    /// Needs members, connectors, network access and the platforms registered.
    /// </summary>
    public static IServiceCollection AddMemberPortal(this IServiceCollection services)
    {
        services.AddSingleton<OwnAccounts>();
        services.AddSingleton<PortalAccounts>();
        services.AddSingleton<PortalPasswords>();
        services.AddSingleton<PortalProfiles>();
        services.AddSingleton<IEventHandler, PasswordChangedNoticeHandler>();

        services.AddOptions<SignInLinkOptions>().BindConfiguration(SignInLinkOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.LinkLifetime >= TimeSpan.FromMinutes(1) && o.LinkLifetime <= TimeSpan.FromHours(1), "Portal:LinkLifetime must be between 1 and 60 minutes.")
            .Validate(o => o.LimitWindow >= TimeSpan.FromMinutes(1) && o.LimitWindow <= TimeSpan.FromDays(1), "Portal:LimitWindow must be between a minute and a day.")
            .ValidateOnStart();
        services.AddSingleton<SignInLinkLimits>();
        services.AddSingleton<SignInLinkTokens>();
        services.AddSingleton<IExpiringRecords>(provider => provider.GetRequiredService<SignInLinkLimits>());
        services.AddSingleton<IExpiringRecords>(provider => provider.GetRequiredService<SignInLinkTokens>());
        services.AddSingleton<SignInLinkRequests>();
        services.AddSingleton<SignInLinkSignIn>();
        services.AddSingleton<IEventHandler, SignInLinkHandler>();
        return services;
    }
}
