using CoworkSync.Functions.Admin.AccessGroups.GetAccessGroup;
using CoworkSync.Functions.Admin.AccessGroups.ListAccessGroups;
using CoworkSync.Functions.Admin.AccessGroups.PutAccessGroup;
using CoworkSync.Functions.Admin.Audit.ListAudit;
using CoworkSync.Functions.Admin.Connectors.GetConnector;
using CoworkSync.Functions.Admin.Connectors.GetPlanMappings;
using CoworkSync.Functions.Admin.Connectors.ListConnectors;
using CoworkSync.Functions.Admin.Connectors.PutConnector;
using CoworkSync.Functions.Admin.Connectors.PutConnectorSecrets;
using CoworkSync.Functions.Admin.Connectors.PutPlanMappings;
using CoworkSync.Functions.Admin.Connectors.TestConnector;
using CoworkSync.Functions.Admin.DeadLetters.DiscardDeadLetter;
using CoworkSync.Functions.Admin.DeadLetters.GetDeadLetter;
using CoworkSync.Functions.Admin.DeadLetters.ListDeadLetters;
using CoworkSync.Functions.Admin.DeadLetters.ReplayDeadLetter;
using CoworkSync.Functions.Admin.Members.CreateMemberAccount;
using CoworkSync.Functions.Admin.Members.ExplainMemberAccess;
using CoworkSync.Functions.Admin.Members.GetMember;
using CoworkSync.Functions.Admin.Members.ListMembers;
using CoworkSync.Functions.Admin.Members.ResendWelcomeEmail;
using CoworkSync.Functions.Admin.Portal.ListMemberSignIns;
using CoworkSync.Functions.Admin.Portal.PutMemberSignIn;
using CoworkSync.Functions.Admin.OpenApi;
using CoworkSync.Functions.Admin.SyncRuns.ListSyncRuns;
using CoworkSync.Functions.Admin.SyncRuns.SyncConnector;

namespace CoworkSync.Functions.Admin;

public static class AdminFunctions
{
    /// <summary>Registers what the admin API needs beyond the services it calls: its OpenAPI document.</summary>
    public static IServiceCollection AddAdminFunctions(this IServiceCollection services) => services.AddAdminOpenApi();

    /// <summary>Maps the admin API (<c>/api/admin/…</c>): connectors, members, sync runs, dead letters, access groups, the portal's sign-in apps, the audit log.</summary>
    public static IEndpointRouteBuilder MapAdminFunctions(this IEndpointRouteBuilder app)
    {
        ListDeadLettersFunction.Map(app);
        GetDeadLetterFunction.Map(app);
        ReplayDeadLetterFunction.Map(app);
        DiscardDeadLetterFunction.Map(app);

        PutConnectorFunction.Map(app);
        GetConnectorFunction.Map(app);
        ListConnectorsFunction.Map(app);
        PutConnectorSecretsFunction.Map(app);
        PutPlanMappingsFunction.Map(app);
        GetPlanMappingsFunction.Map(app);
        TestConnectorFunction.Map(app);

        SyncConnectorFunction.Map(app);
        ListSyncRunsFunction.Map(app);

        ListMembersFunction.Map(app);
        GetMemberFunction.Map(app);
        CreateMemberAccountFunction.Map(app);
        ResendWelcomeEmailFunction.Map(app);
        ExplainMemberAccessFunction.Map(app);

        PutAccessGroupFunction.Map(app);
        GetAccessGroupFunction.Map(app);
        ListAccessGroupsFunction.Map(app);

        ListMemberSignInsFunction.Map(app);
        PutMemberSignInFunction.Map(app);

        ListAuditFunction.Map(app);

        OpenApiFunction.Map(app);
        return app;
    }
}
