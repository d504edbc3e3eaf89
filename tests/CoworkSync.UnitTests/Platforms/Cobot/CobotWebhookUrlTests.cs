using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotWebhookUrlTests
{
    private static readonly Uri Api = new("https://co-up.cobot.me/");

    [Theory]
    [InlineData("https://co-up.cobot.me/api/memberships/93207605", "93207605")]
    [InlineData("https://CO-UP.cobot.me/api/memberships/abc-123", "abc-123")]
    [InlineData("https://co-up.cobot.me/api/memberships/m1/custom_fields", "m1")]
    [InlineData("https://co-up.cobot.me/api/memberships/m1/time_passes/unused", "m1")]
    public void AMembershipOnTheConnectorsHost_IsAccepted(string url, string expected)
    {
        Assert.True(CobotWebhookUrl.TryGetMembershipId(url, Api, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("https://evil.example/api/memberships/1")]
    [InlineData("https://other.cobot.me/api/memberships/1")]
    [InlineData("http://co-up.cobot.me/api/memberships/1")]
    [InlineData("https://co-up.cobot.me:8443/api/memberships/1")]
    [InlineData("https://co-up.cobot.me/api/invoices/1")]
    [InlineData("https://co-up.cobot.me/api/memberships")]
    [InlineData("https://co-up.cobot.me/api/memberships/1/secrets")]
    [InlineData("https://co-up.cobot.me/api/memberships/1?x=y")]
    [InlineData("https://user:pw@co-up.cobot.me/api/memberships/1")]
    [InlineData("/api/memberships/1")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElse_IsRefused(string? url) =>
        Assert.False(CobotWebhookUrl.TryGetMembershipId(url, Api, out _));
}
