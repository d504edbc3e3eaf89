using System.Text.Json;
using CoworkSync.Administration.MemberSignIn;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;
using Moq;

namespace CoworkSync.UnitTests.Administration.MemberSignIn;

public sealed class MemberSignInAdministrationTests
{
    private readonly Mock<IPlatformMemberSignIn> _signIn = new(MockBehavior.Strict);
    private readonly MemberSignInAdministration _administration;

    public MemberSignInAdministrationTests()
    {
        _signIn.SetupGet(s => s.AppFields).Returns([new("clientId", "Client id", "help", false), new("clientSecret", "Client secret", "help", true)]);
        _signIn.Setup(s => s.AppStateAsync("/portal/sign-in/example/callback", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SignInAppState(new Dictionary<string, bool> { ["clientId"] = true }, "https://wifi.example.com/portal/sign-in/example/callback", "The secret is not set."));
        _administration = new MemberSignInAdministration(new PlatformRegistry([Platform("example", _signIn.Object), Platform("plain", null)]));
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
        Assert.Equal(OutcomeStatus.NotFound, (await _administration.PutAsync("plain", Json("{}"), CancellationToken.None)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await _administration.PutAsync("nope", Json("{}"), CancellationToken.None)).Status);
        Assert.Equal(OutcomeStatus.Unreadable, (await _administration.PutAsync("example", null, CancellationToken.None)).Status);
        Assert.Equal("body", Assert.Single((await _administration.PutAsync("example", Json("[1]"), CancellationToken.None)).Errors).Field);
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

        Assert.Equal("clientSecret", Assert.Single((await _administration.PutAsync("example", refused, CancellationToken.None)).Errors).Field);
        var done = await _administration.PutAsync("example", accepted, CancellationToken.None);
        Assert.Equal(OutcomeStatus.Done, done.Status);
        Assert.Equal("example", done.Value!.Platform);
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
