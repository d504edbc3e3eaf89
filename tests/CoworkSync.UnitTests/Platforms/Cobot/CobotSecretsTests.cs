using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotSecretsTests
{
    [Fact]
    public void Validate_TheClientPair_OrAToken_IsEnough()
    {
        Assert.Empty(CobotSecrets.Validate(new(ClientId: "id", ClientSecret: "secret")));
        Assert.Empty(CobotSecrets.Validate(new(AccessToken: "token")));
    }

    [Theory]
    [InlineData(null, null, null, null, "body")]
    [InlineData("id", null, null, null, "clientSecret")]
    [InlineData(null, "secret", null, null, "clientId")]
    [InlineData(null, null, " ", null, "accessToken")]
    [InlineData(null, null, "token", "key", "apiKey")]
    public void Validate_NamesTheField(string? clientId, string? clientSecret, string? accessToken, string? apiKey, string field) =>
        Assert.Contains(CobotSecrets.Validate(new(clientId, clientSecret, accessToken, apiKey)), e => e.Field == field);

    [Fact]
    public void Validate_AWebhookSecret_IsNotUsed() =>
        Assert.Contains(CobotSecrets.Validate(new(AccessToken: "token", WebhookSecret: "whsec_0123456789abcdef")),
            e => e.Field == "webhookSecret" && e.Reason.Contains("not used by a Cobot connector", StringComparison.Ordinal));
}
