using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Connectors.Updates;

namespace CoworkSync.UnitTests.Connectors.Updates;

/// <summary>Which of a platform's secrets a body sets: what the audit log and the connector's "set at" times record.</summary>
public sealed class SecretsSetByTests
{
    private static readonly PlatformSecretField[] Fields = [new("apiKey", "API key", ""), new("webhookSecret", "Webhook secret", "")];

    [Fact]
    public void SetBy_NamesTheGivenSecrets_InThePlatformsOrder_IgnoringCaseNullsAndOtherProperties()
    {
        var body = JsonDocument.Parse("""{"WEBHOOKSECRET":"s3cr3t-s3cr3t-s3cr3t","apiKey":null,"by":"carol"}""").RootElement;

        Assert.Equal(["webhookSecret"], ConnectorSecretUpdates.SetBy(Fields, body));
        Assert.Equal(["apiKey", "webhookSecret"], ConnectorSecretUpdates.SetBy(Fields, JsonDocument.Parse("""{"webhookSecret":"a","apiKey":"b"}""").RootElement));
    }
}
