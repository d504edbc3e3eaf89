using CoworkSync.Members.Accounts;
using CoworkSync.Members.History;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Members.Sync;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.Members;

public static class MembersServiceCollectionExtensions
{
    /// <summary>
    /// Registers members and their accounts: the stores, the WiFi password protector, provisioning (the access policy's
    /// reconciler), the member lookup indexes, each member's recent changes, welcome emails (SMTP, or <c>.eml</c> files in local mode) and sync runs with their event handler.
    /// </summary>
    public static IServiceCollection AddMembers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWifiPasswordProtector();
        services.AddSingleton<MemberStore>();
        services.AddOptions<AccountCacheOptions>().BindConfiguration(AccountCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountCache>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<MemberIndexer>();
        services.AddSingleton<MemberLookup>();
        services.AddSingleton<MemberHistoryStore>();
        services.AddSingleton<MemberReconciler>();
        services.AddSingleton<MemberCreator>();
        services.AddSingleton<MemberProvisioner>();
        services.AddWelcomeEmail(configuration);
        services.AddSingleton<IEventHandler, WelcomeEmailHandler>();
        services.AddSingleton<SyncRunStore>();
        services.AddSingleton<SyncStarter>();
        services.AddSingleton<ScheduledSyncs>();
        services.AddSingleton<IEventHandler, ConnectorSyncHandler>();
        return services;
    }
}
