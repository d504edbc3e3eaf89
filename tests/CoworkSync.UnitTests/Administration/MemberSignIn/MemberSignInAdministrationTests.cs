using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.Administration.Audit;
using CoworkSync.Administration.MemberSignIn;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Administration.MemberSignIn;

public sealed class MemberSignInAdministrationTests
{
    private static readonly AuditActor Actor = AuditActor.InConsole("Grace Hopper", "Operator");
    private readonly Mock<IPlatformMemberSignIn> _signIn = new(MockBehavior.Strict);
    private readonly List<TableEntity> _audited = [];
    private readonly MemberSignInAdministration _administration;

    public MemberSignInAdministrationTests()
    {
        _signIn.SetupGet(s => s.AppFields).Returns([new("clientId", "Client id", "help", false), new("clientSecret", "Client secret", "help", true)]);
        _signIn.Setup(s => s.AppStateAsync("/portal/sign-in/example/callback", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool> { ["clientId"] = true }, "https://wifi.example.com/portal/sign-in/example/callback", "The secret is not set."));
        _administration = new MemberSignInAdministration(new PlatformRegistry([Platform("example", _signIn.Object), Platform("plain", null)]),
            new AuditLog(AuditTables(_audited), NullLogger<AuditLog>.Instance), new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task List_ShowsOnlyPlatformsOfferingSignIn_WithTheRedirectUriAndWhichSettingsAreSet_NeverAValue()
    {
        var view = Assert.Single(await _administration.ListAsync(CancellationToken.None));

        Assert.Equal("example", view.Platform);
        Assert.False(view.Ready);
        Assert.Equal("The secret is not set.", view.Problem);
        Assert.Equal("https://wifi.example.com/portal/sign-in/example/callback", view.RedirectUri);
        Assert.Equal(new Dictionary<string, string> { ["clientId"] = "set", ["clientSecret"] = "missing" }, view.Settings);
    }

    [Fact]
    public async Task Put_ToAPlatformWithoutSignIn_IsNotFound_AndABodyThatIsNoObject_IsInvalid()
    {
        Assert.Equal(OutcomeStatus.NotFound, (await _administration.PutAsync("plain", Json("{}"), Actor, CancellationToken.None)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await _administration.PutAsync("nope", Json("{}"), Actor, CancellationToken.None)).Status);
        Assert.Equal(OutcomeStatus.Unreadable, (await _administration.PutAsync("example", null, Actor, CancellationToken.None)).Status);
        Assert.Equal("body", Assert.Single((await _administration.PutAsync("example", Json("[1]"), Actor, CancellationToken.None)).Errors).Field);
    }

    [Fact]
    public async Task Put_ThePlatformsRefusal_IsInvalidWithItsFields_ItsAcceptance_TheNewState()
    {
        var refused = Json("""{"clientId":""}""");
        var accepted = Json("""{"clientId":"a","clientSecret":"b"}""");
        _signIn.Setup(s => s.Malformed(It.IsAny<JsonElement>())).Returns((ValidationError?)null);
        _signIn.Setup(s => s.PutAppAsync(It.Is<JsonElement>(j => j.GetRawText() == refused.GetRawText()), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ValidationError("clientSecret", "is required")]);
        _signIn.Setup(s => s.PutAppAsync(It.Is<JsonElement>(j => j.GetRawText() == accepted.GetRawText()), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        Assert.Equal("clientSecret", Assert.Single((await _administration.PutAsync("example", refused, Actor, CancellationToken.None)).Errors).Field);
        var done = await _administration.PutAsync("example", accepted, Actor, CancellationToken.None);
        Assert.Equal(OutcomeStatus.Done, done.Status);
        Assert.Equal("example", done.Value!.Platform);
    }

    [Fact]
    public async Task Put_Accepted_RecordsWhoSetTheApp_TheClientIdBeforeAndAfter_AndTheSecretOnlyAsRotated()
    {
        const string secret = "s3cr3t-value-never-recorded";
        var body = Json($$"""{"clientId":"new-client","clientSecret":"{{secret}}"}""");
        _signIn.Setup(s => s.Malformed(It.IsAny<JsonElement>())).Returns((ValidationError?)null);
        _signIn.Setup(s => s.PutAppAsync(It.IsAny<JsonElement>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _signIn.SetupSequence(s => s.AppStateAsync("/portal/sign-in/example/callback", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool> { ["clientId"] = true, ["clientSecret"] = true }, null, null, new Dictionary<string, string> { ["clientId"] = "old-client" }))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool> { ["clientId"] = true, ["clientSecret"] = true }, null, null, new Dictionary<string, string> { ["clientId"] = "new-client" }));

        Assert.Equal(OutcomeStatus.Done, (await _administration.PutAsync("example", body, Actor, CancellationToken.None)).Status);

        var entry = Assert.Single(_audited);
        Assert.Equal(("portal", "portal-sign-in-app.set", "example"), (entry.GetString("Area"), entry.GetString("Action"), entry.GetString("Target")));
        Assert.Equal(("Grace Hopper", "console", "Operator"), (entry.GetString("ActorName"), entry.GetString("ActorVia"), entry.GetString("ActorRole")));
        Assert.Equal("Set the member portal's sign-in app for EXAMPLE (1 value changed; clientSecret rotated).", entry.GetString("Summary"));
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(LargeText.Read(entry, "Changes")!, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal([new AuditChange("clientId", "old-client", "new-client")], changes);
        Assert.Equal("""["clientSecret"]""", entry.GetString("SecretsSet"));
        Assert.DoesNotContain(_audited.SelectMany(e => e).Select(p => p.Value?.ToString() ?? ""), v => v.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_FirstTime_SaysTheSecretIsSet_AndARefusedPut_RecordsNothing()
    {
        _signIn.Setup(s => s.Malformed(It.IsAny<JsonElement>())).Returns((ValidationError?)null);
        _signIn.Setup(s => s.PutAppAsync(It.Is<JsonElement>(j => j.GetProperty("clientId").GetString() == ""), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ValidationError("clientId", "is required")]);
        _signIn.Setup(s => s.PutAppAsync(It.Is<JsonElement>(j => j.GetProperty("clientId").GetString() == "first"), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _signIn.SetupSequence(s => s.AppStateAsync("/portal/sign-in/example/callback", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool>(), null, "Not set."))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool>(), null, "Not set."))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool> { ["clientId"] = true, ["clientSecret"] = true }, null, null, new Dictionary<string, string> { ["clientId"] = "first" }));

        Assert.Equal(OutcomeStatus.Invalid, (await _administration.PutAsync("example", Json("""{"clientId":"","clientSecret":"x"}"""), Actor, CancellationToken.None)).Status);
        Assert.Empty(_audited);
        Assert.Equal(OutcomeStatus.Done, (await _administration.PutAsync("example", Json("""{"clientId":"first","clientSecret":"x"}"""), Actor, CancellationToken.None)).Status);

        var entry = Assert.Single(_audited);
        Assert.Equal("Set the member portal's sign-in app for EXAMPLE (1 value changed; clientSecret set).", entry.GetString("Summary"));
    }

    /// <summary>Table Storage that keeps what the audit log adds to its table.</summary>
    private static StateTables AuditTables(List<TableEntity> added)
    {
        var table = new Mock<TableClient>();
        table.Setup(t => t.AddEntityAsync(It.IsAny<TableEntity>(), It.IsAny<CancellationToken>()))
            .Callback((TableEntity entity, CancellationToken _) => added.Add(entity));
        var service = new Mock<TableServiceClient>();
        service.Setup(s => s.GetTableClient(TableNames.AuditLog)).Returns(table.Object);
        return new StateTables(service.Object);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static IPlatform Platform(string name, IPlatformMemberSignIn? signIn)
    {
        var platform = new Mock<IPlatform>();
        platform.SetupGet(p => p.Name).Returns(name);
        platform.SetupGet(p => p.DisplayName).Returns(name.ToUpperInvariant());
        platform.SetupGet(p => p.MemberSignIn).Returns(signIn);
        return platform.Object;
    }
}
