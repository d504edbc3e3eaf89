using System.Text;
using System.Text.Json;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Messaging.DeadLetters;

public sealed class DeadLetterActionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly Mock<IDeadLetterStore> _store = new();
    private readonly Mock<IEventPublisher> _publisher = new();
    private DeadLetter? _updated;
    private DeadLetterAuditEntry? _audit;

    public DeadLetterActionsTests()
    {
        _store.Setup(s => s.UpdateAsync(It.IsAny<string>(), It.IsAny<Func<DeadLetter, DeadLetter>>(), It.IsAny<DeadLetterAuditEntry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, Func<DeadLetter, DeadLetter> change, DeadLetterAuditEntry audit, CancellationToken _) =>
            {
                _audit = audit;
                return _updated = change(Record(id));
            });
    }

    [Fact]
    public async Task ReplayAsync_OpenDeadLetter_RepublishesTheSameEventUnderANewMessageId()
    {
        _store.Setup(s => s.GetAsync("c1:evt_1", It.IsAny<CancellationToken>())).ReturnsAsync(Record("c1:evt_1"));
        var sent = new List<(EventEnvelope Envelope, PublishOptions Options)>();
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .Callback<EventEnvelope, PublishOptions, CancellationToken>((e, o, _) => sent.Add((e, o)))
            .Returns(Task.CompletedTask);

        var first = await CreateSut().ReplayAsync("c1:evt_1", "alice", "platform fixed", CancellationToken.None);
        await CreateSut().ReplayAsync("c1:evt_1", "alice", null, CancellationToken.None);

        Assert.Equal(DeadLetterActionStatus.Done, first.Status);
        Assert.All(sent, s => Assert.Equal("evt_1", s.Envelope.Id));
        Assert.All(sent, s => Assert.Equal(1, s.Envelope.Attempt));
        Assert.All(sent, s => Assert.StartsWith("evt_1:replay:", s.Options.MessageId));
        Assert.NotEqual(sent[0].Options.MessageId, sent[1].Options.MessageId);
        Assert.Equal(DeadLetterState.Replayed, _updated!.State);
        Assert.Equal("alice", _updated.LastReplayedBy);
        Assert.Equal(Now, _updated.LastReplayedAt);
        Assert.Equal(new DeadLetterAuditEntry("replayed", "alice", Now, null), _audit);
    }

    [Fact]
    public async Task ReplayAsync_DiscardedDeadLetter_IsRefusedAndPublishesNothing()
    {
        _store.Setup(s => s.GetAsync("c1:evt_1", It.IsAny<CancellationToken>())).ReturnsAsync(Record("c1:evt_1") with { State = DeadLetterState.Discarded });

        var result = await CreateSut().ReplayAsync("c1:evt_1", "alice", null, CancellationToken.None);

        Assert.Equal(DeadLetterActionStatus.Discarded, result.Status);
        _publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ReplayAsync_MalformedMessage_HasNothingToReplay()
    {
        _store.Setup(s => s.GetAsync("unknown:m", It.IsAny<CancellationToken>())).ReturnsAsync(Record("unknown:m") with { Envelope = null, RawMessage = "{oops" });

        var result = await CreateSut().ReplayAsync("unknown:m", "alice", null, CancellationToken.None);

        Assert.Equal(DeadLetterActionStatus.NothingToReplay, result.Status);
        _publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ReplayAsync_Missing_IsNotFound() =>
        Assert.Equal(DeadLetterActionStatus.NotFound, (await CreateSut().ReplayAsync("nope", "alice", null, CancellationToken.None)).Status);

    [Fact]
    public async Task DiscardAsync_RecordsWhoAndWhen()
    {
        var result = await CreateSut().DiscardAsync("c1:evt_1", "bob", "duplicate member", CancellationToken.None);

        Assert.Equal(DeadLetterActionStatus.Done, result.Status);
        Assert.Equal(DeadLetterState.Discarded, _updated!.State);
        Assert.Equal("bob", _updated.DiscardedBy);
        Assert.Equal(new DeadLetterAuditEntry("discarded", "bob", Now, "duplicate member"), _audit);
    }

    private DeadLetterActions CreateSut() => new(_store.Object, _publisher.Object, new FakeTimeProvider(Now));

    private static DeadLetter Record(string id) => new()
    {
        Id = id,
        EventId = "evt_1",
        ConnectorId = "c1",
        EventType = "test.event",
        Reason = "RetriesExhausted",
        Source = DeadLetterSources.ProcessEvent,
        Attempts = 6,
        State = DeadLetterState.Open,
        Envelope = Encoding.UTF8.GetString(EventEnvelopeJson.Serialize(new EventEnvelope
        {
            Id = "evt_1", Type = "test.event", ConnectorId = "c1", OccurredAt = Now, Attempt = 6, Payload = JsonDocument.Parse("{}").RootElement,
        })),
    };
}
