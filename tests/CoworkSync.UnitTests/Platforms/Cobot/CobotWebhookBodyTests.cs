using System.Text;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotWebhookBodyTests
{
    private static readonly Uri Api = new("https://co-up.cobot.me/");

    private static (CobotWebhookEvent? Hint, bool Malformed) Read(string body) => CobotWebhookBody.Read(Encoding.UTF8.GetBytes(body), Api);

    [Fact]
    public void AUrl_NamesItsMembership()
    {
        var (hint, malformed) = Read("""{"url":"https://co-up.cobot.me/api/memberships/93207605"}""");

        Assert.False(malformed);
        Assert.Equal(new CobotWebhookEvent("93207605", "https://co-up.cobot.me/api/memberships/93207605"), hint);
    }

    [Theory]
    [InlineData("""{"id":"0c4f7a-fbb","name":"johnny doe","email":"johnny@example.com","plan":{"name":"basic plan"}}""", "0c4f7a-fbb")]
    [InlineData("""{"id":93207605,"name":"johnny doe"}""", "93207605")]
    public void ADeletedMembershipObject_NamesItsIdOnTheConnectorsHost(string body, string id)
    {
        var (hint, malformed) = Read(body);

        Assert.False(malformed);
        Assert.Equal(new CobotWebhookEvent(id, $"https://co-up.cobot.me/api/memberships/{id}"), hint);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("id")]
    public void InvalidUtf8InTheValue_IsMalformed(string property)
    {
        // Found by the webhook fuzz test: a URL or id holding a lone 0xC3 byte answered 500.
        var body = Encoding.UTF8.GetBytes($$"""{"{{property}}":"https://co-up.cobot.me/api/memberships/~"}""");
        body[Array.IndexOf(body, (byte)'~')] = 0xC3;

        var (hint, malformed) = CobotWebhookBody.Read(body, Api);

        Assert.True(malformed);
        Assert.Null(hint);
    }

    [Theory]
    [InlineData("""{"url":"https://evil.example/api/memberships/1"}""")]
    [InlineData("""{"id":"../../api/invoices/1"}""")]
    [InlineData("""{"id":"a b"}""")]
    [InlineData("""{"id":""}""")]
    [InlineData("""{"id":-1}""")]
    [InlineData("""{"id":1.5}""")]
    [InlineData("""{"id":{"value":"m1"}}""")]
    public void ABodyPointingElsewhere_IsRefused_NotMalformed(string body) =>
        Assert.Equal((null, false), Read(body));

    [Theory]
    [InlineData("url=x")]
    [InlineData("[]")]
    [InlineData("\"https://co-up.cobot.me/api/memberships/1\"")]
    [InlineData("""{"url":42}""")]
    [InlineData("""{"name":"no id, no url"}""")]
    public void AnythingElse_IsMalformed(string body) =>
        Assert.Equal((null, true), Read(body));
}
