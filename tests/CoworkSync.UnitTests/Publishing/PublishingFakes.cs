using System.Text.Json;
using Azure.Core;
using CoworkSync.Events;
using CoworkSync.Publishing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Publishing;

internal static class PublishingFakes
{
    public const string Token = "secret-token-value";
    public const string Namespace = "myns.servicebus.windows.net";

    /// <summary>RFC 1123's own example instant, minus ten seconds.</summary>
    public static readonly DateTimeOffset Now = new(1994, 11, 6, 8, 49, 27, TimeSpan.Zero);

    public static IOptions<ServiceBusOptions> Options(string queue = "events") =>
        Microsoft.Extensions.Options.Options.Create(new ServiceBusOptions { FullyQualifiedNamespace = Namespace, QueueName = queue });

    public static Mock<TokenCredential> Credential(DateTimeOffset expiresOn, string token = Token)
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken(token, expiresOn));
        return credential;
    }

    public static FakeTimeProvider Clock() => new(Now);

    public static EventEnvelope Envelope() => new()
    {
        Id = "evt-1",
        Type = "member.updated",
        ConnectorId = "coworks-space-1",
        OccurredAt = Now.AddMinutes(-1),
        Payload = JsonSerializer.SerializeToElement(new { memberId = "m-42", status = "active" }),
    };
}
