using CoworkSync.Functions.CobotOAuthCallback;
using CoworkSync.Functions.CobotWebhook;
using CoworkSync.Functions.ConnectCobot;
using CoworkSync.Functions.CoworksWebhook;
using CoworkSync.Functions.CreateMemberAccount;
using CoworkSync.Functions.DiscardDeadLetter;
using CoworkSync.Functions.GetAccessGroup;
using CoworkSync.Functions.GetConnector;
using CoworkSync.Functions.GetDeadLetter;
using CoworkSync.Functions.GetMember;
using CoworkSync.Functions.GetPlanMappings;
using CoworkSync.Functions.Health;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.ListAccessGroups;
using CoworkSync.Functions.ListConnectors;
using CoworkSync.Functions.ListDeadLetters;
using CoworkSync.Functions.ListMembers;
using CoworkSync.Functions.ListSyncRuns;
using CoworkSync.Functions.PutAccessGroup;
using CoworkSync.Functions.PutConnector;
using CoworkSync.Functions.PutConnectorSecrets;
using CoworkSync.Functions.PutPlanMappings;
using CoworkSync.Functions.RadiusAccounting;
using CoworkSync.Functions.RadiusAuthorize;
using CoworkSync.Functions.ReplayDeadLetter;
using CoworkSync.Functions.ResendWelcomeEmail;
using CoworkSync.Functions.SyncConnector;
using CoworkSync.Functions.TestConnector;
using CoworkSync.Functions.Web;

namespace CoworkSync.Functions.Hosting;

public static class CoworkSyncEndpoints
{
    public static WebApplication MapCoworkSync(this WebApplication app)
    {
        var underFunctionsHost = HostingMode.IsCustomHandler(app.Configuration);
        app.UseWebFaceAssets();
        app.UseRouting();
        if (!underFunctionsHost)
            app.UseMiddleware<FunctionKeyMiddleware>();
        app.UseWebFaces();

        // The host's readiness probe; also a quick "is it up" for people.
        app.MapGet("/", () => Results.Text("CoworkSync")).ExcludeFromDescription();

        HealthFunction.Map(app);
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
        CoworksWebhookFunction.Map(app);
        CobotWebhookFunction.Map(app);
        ConnectCobotFunction.Map(app);
        CobotOAuthCallbackFunction.Map(app);

        RadiusAuthorizeFunction.Map(app);
        RadiusAccountingFunction.Map(app);

        PutAccessGroupFunction.Map(app);
        GetAccessGroupFunction.Map(app);
        ListAccessGroupsFunction.Map(app);

        // The console and the portal: /console/... and /portal/..., each through its catch-all function under the host.
        app.MapWebFaces(underFunctionsHost);

        // Only the Functions host posts invocations; in local mode the pump and timers call the invoker in-process.
        if (underFunctionsHost)
            app.MapFunctionInvocations();
        return app;
    }
}
