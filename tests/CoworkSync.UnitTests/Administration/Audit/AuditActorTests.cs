using CoworkSync.Administration.Audit;

namespace CoworkSync.UnitTests.Administration.Audit;

public sealed class AuditActorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ThroughAdminApi_WithoutAName_IsTheKeysHolder(string? name)
    {
        var actor = AuditActor.ThroughAdminApi(name);

        Assert.Equal(AuditActor.AdminApiKeyHolder, actor.Name);
        Assert.Equal(AuditActor.AdminApi, actor.Via);
        Assert.Null(actor.Role);
    }

    [Fact]
    public void InConsole_KeepsTheRole_AndReadsAsAPersonAndWhere()
    {
        var actor = AuditActor.InConsole(" Grace Hopper ", "Support");

        Assert.Equal("Grace Hopper (Support, console)", actor.ToString());
        Assert.Equal("carol (admin API)", AuditActor.ThroughAdminApi("carol").ToString());
    }

    [Fact]
    public void ANameLongerThanTheLimit_IsCut() =>
        Assert.Equal(AuditActor.MaxNameLength, AuditActor.InConsole(new string('a', 500), "Operator").Name.Length);
}
