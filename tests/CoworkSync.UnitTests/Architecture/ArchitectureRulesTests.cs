namespace CoworkSync.UnitTests.Architecture;

/// <summary>The architecture rules fail when they should: a platform named outside its folders, rooms in a loop.</summary>
public sealed class ArchitectureRulesTests
{
    [Theory]
    [InlineData("CoworkSync.Members.Sync", "Members", null)]
    [InlineData("CoworkSync.Platforms.Cobot", "Platforms.Cobot", "Cobot")]
    [InlineData("CoworkSync.Functions.Admin.Connectors.PutConnector", "Functions.Admin", null)]
    [InlineData("CoworkSync.Functions.Platforms.Cobot.PollCobot", "Functions.Platforms.Cobot", "Cobot")]
    [InlineData("System.Text", null, null)]
    public void ANamespace_BelongsToItsRoom_AndPlatform(string ns, string? room, string? platform)
    {
        Assert.Equal(room, ArchitectureRules.RoomOf(ns));
        Assert.Equal(platform, ArchitectureRules.PlatformOf(ns));
    }

    [Fact]
    public void GenericCode_UsingAPlatformsType_IsAViolation_AndAnotherPlatformUsingIt_Too()
    {
        var violations = ArchitectureRules.PlatformViolations(
        [
            Use("CoworkSync.Administration.Connectors.ConnectorViews", "CoworkSync.Platforms.Cobot.CobotConnectionStore"),
            Use("CoworkSync.Platforms.Coworks.CoworksMembers", "CoworkSync.Platforms.Cobot.CobotClient"),
            Use("CoworkSync.Functions.Platforms.Cobot.PollCobot.PollCobotFunction", "CoworkSync.Platforms.Cobot.CobotConnectionStore"),
            Use("CoworkSync.Platforms.Cobot.CobotMembers", "CoworkSync.Connectors.Connector"),
            Use("CoworkSync.Functions.Hosting.CoworkSyncServices+<>c", "CoworkSync.Platforms.Cobot.CobotServiceCollectionExtensions"),
        ]);

        Assert.Equal(
        [
            "CoworkSync.Administration.Connectors.ConnectorViews uses CoworkSync.Platforms.Cobot.CobotConnectionStore",
            "CoworkSync.Platforms.Coworks.CoworksMembers uses CoworkSync.Platforms.Cobot.CobotClient",
        ], violations);
    }

    [Fact]
    public void RoomsInALoop_ThroughTheirTypes_AreFound()
    {
        var graph = ArchitectureRules.RoomGraph(
        [
            Use("CoworkSync.Connectors.ConnectorStore", "CoworkSync.State.Tables.StateTables"),
            Use("CoworkSync.Connectors.Seam.IPlatformMembers", "CoworkSync.Members.Sync.SyncNotes"),
            Use("CoworkSync.Members.Sync.ConnectorSyncHandler", "CoworkSync.Connectors.Connector"),
        ]);

        Assert.Equal([["Connectors", "Members"]], CycleFinder.Find(graph));
    }

    [Fact]
    public void ARoomsRegistration_NamingItsFolders_IsNoFolderLoop_ButTheFoldersOwnUsesAre()
    {
        var graph = ArchitectureRules.FolderGraph(
        [
            Use("CoworkSync.Members.MembersServiceCollectionExtensions", "CoworkSync.Members.Records.MemberStore"),
            Use("CoworkSync.Members.Records.MemberStore", "CoworkSync.Members.Provisioning.AccessPolicy"),
            Use("CoworkSync.Members.Provisioning.MemberReconciler", "CoworkSync.Members.Records.MemberStore"),
        ]);

        Assert.Equal([["CoworkSync.Members.Provisioning", "CoworkSync.Members.Records"]], CycleFinder.Find(graph));
    }

    private static Dependency Use(string from, string to) => new(from, Namespace(from), to, Namespace(to));

    private static string Namespace(string type)
    {
        var outer = type.Split('+')[0];
        return outer[..outer.LastIndexOf('.')];
    }
}
