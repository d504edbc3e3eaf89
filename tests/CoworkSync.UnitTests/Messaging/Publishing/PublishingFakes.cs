using System.Text.Json;
using Azure.Core;
using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Messaging.Publishing;

internal static class PublishingFakes
{
    public const string Namespace = "myns.servicebus.windows.net";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 49, 27, TimeSpan.Zero);

    public static Mock<TokenCredential> Credential()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("secret-token-value", Now.AddHours(1)));
        return credential;
    }

    public static FakeTimeProvider Clock() => new(Now);

    public static EventEnvelope Envelope(string id = "evt-1") => new()
    {
        Id = id,
        Type = "member.updated",
        ConnectorId = "coworks-space-1",
        OccurredAt = Now.AddMinutes(-1),
        Payload = JsonSerializer.SerializeToElement(new { memberId = "m-42", status = "active" }),
    };

    /// <summary>A Service Bus failure as the client reports it; whether it is transient follows from the reason.</summary>
    public static ServiceBusException Failure(ServiceBusFailureReason reason) => new($"The service answered {reason}.", reason, "events");
}
