using CoworkSync.Administration.AccessGroups;
using CoworkSync.Administration.Audit;
using CoworkSync.Administration.Connectors;
using CoworkSync.Administration.DeadLetters;
using CoworkSync.Administration.Members;
using CoworkSync.Administration.MemberSignIn;
using CoworkSync.Administration.SyncRuns;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.Administration;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>Registers what operators and support staff do, for the admin API and the console alike, with the views they see.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CoworkSync.MemberPortal.Passwords.IMemberPortalAudit, MemberPortalAuditLog>();
        services.AddSingleton<AuditAdministration>();
        services.AddSingleton<ConnectorViews>();
        services.AddSingleton<ConnectorAdministration>();
        services.AddSingleton<ConnectorTestRunner>();
        services.AddSingleton<MemberViews>();
        services.AddSingleton<MemberAdministration>();
        services.AddSingleton<MemberSearch>();
        services.AddSingleton<MemberActivity>();
        services.AddSingleton<MemberAccessExplainer>();
        services.AddSingleton<SyncRunAdministration>();
        services.AddSingleton<DeadLetterAdministration>();
        services.AddSingleton<AccessGroupAdministration>();
        services.AddSingleton<MemberSignInAdministration>();
        return services;
    }
}
