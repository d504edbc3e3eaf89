using CoworkSync.Platforms.Coworks;

namespace CoworkSync.UnitTests.Platforms.Coworks;

public sealed class CoworksSecretsTests
{
    [Fact]
    public void Validate_EitherOrBoth_IsEnough()
    {
        Assert.Empty(CoworksSecrets.Validate(new("key", null)));
        Assert.Empty(CoworksSecrets.Validate(new(null, "whsec_0123456789abcdef")));
        Assert.Empty(CoworksSecrets.Validate(new("key", "whsec_0123456789abcdef")));
    }

    [Theory]
    [InlineData(null, null, "body", "must set apiKey, webhookSecret or both")]
    [InlineData(" ", null, "apiKey", "must be non-empty and at most 4096 characters")]
    [InlineData(null, "short", "webhookSecret", "must be 16 to 4096 characters")]
    public void Validate_NamesTheFieldAndWhy(string? apiKey, string? webhookSecret, string field, string reason) =>
        Assert.Contains(CoworksSecrets.Validate(new(apiKey, webhookSecret)), e => e.Field == field && e.Reason == reason);

    [Fact]
    public void Malformed_AFieldOfTheWrongJsonType_IsNamed()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToElement(new { apiKey = 5 });

        Assert.Equal("apiKey", new CoworksSecrets(null!).Malformed(body)?.Field);
    }
}
