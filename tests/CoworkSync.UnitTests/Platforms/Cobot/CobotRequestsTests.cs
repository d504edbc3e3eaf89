using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotRequestsTests
{
    [Theory]
    [InlineData("GET", "/api/memberships", true)]
    [InlineData("GET", "/api/memberships/", true)]
    [InlineData("GET", "/api/memberships/m1", false)]
    [InlineData("POST", "/api/memberships", false)]
    [InlineData("GET", "/api/plans", false)]
    public void MembershipList_IsTheListOnly(string method, string path, bool expected) =>
        Assert.Equal(expected, CobotRequests.IsMembershipList(new HttpRequestMessage(new HttpMethod(method), "https://co-up.cobot.me" + path)));

    [Theory]
    [InlineData("/api/access_tokens/secret-token/space", "/api/access_tokens/***/space")]
    [InlineData("/api/access_tokens/secret-token", "/api/access_tokens/***")]
    [InlineData("/api/memberships", "/api/memberships")]
    public void LoggedPaths_NeverHoldAToken(string path, string logged) =>
        Assert.Equal(logged, CobotRequests.LoggedPath(new HttpRequestMessage(HttpMethod.Post, "https://www.cobot.me" + path)));

    [Fact]
    public void TokenKey_TellsTokensApart_WithoutHoldingTheToken()
    {
        static HttpRequestMessage With(string token) => new(HttpMethod.Get, "https://co-up.cobot.me/api/plans") { Headers = { Authorization = new("Bearer", token) } };

        var key = CobotRequests.TokenKey(With("secret-token-a"));

        Assert.Equal(key, CobotRequests.TokenKey(With("secret-token-a")));
        Assert.NotEqual(key, CobotRequests.TokenKey(With("secret-token-b")));
        Assert.DoesNotContain("secret", key, StringComparison.OrdinalIgnoreCase);
    }
}
