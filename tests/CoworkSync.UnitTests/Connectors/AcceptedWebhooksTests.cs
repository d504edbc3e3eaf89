using CoworkSync.Connectors;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Connectors;

public sealed class AcceptedWebhooksTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-06T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AcceptedWebhooks _accepted;

    public AcceptedWebhooksTests() => _accepted = new AcceptedWebhooks(_clock);

    [Fact]
    public async Task AnIdAcceptedHere_IsADuplicate_ForTheWindow_AndNewAfterIt()
    {
        (await AdmitAsync("evt_1")).Accepted();

        _clock.Advance(AcceptedWebhooks.Window - TimeSpan.FromSeconds(1));
        Assert.True((await AdmitAsync("evt_1")).IsDuplicate);

        _clock.Advance(TimeSpan.FromSeconds(1));
        (await AdmitAsync("evt_2")).Accepted(); // Forgetting happens as acceptances come in.
        Assert.False((await AdmitAsync("evt_1")).IsDuplicate);
    }

    [Fact]
    public async Task AnIdWhoseEnqueueFailed_IsNewAgain()
    {
        (await AdmitAsync("evt_1")).Failed();

        Assert.False((await AdmitAsync("evt_1")).IsDuplicate);
    }

    [Fact]
    public async Task TheSameIdOfAnotherConnector_IsNotADuplicate()
    {
        (await AdmitAsync("evt_1")).Accepted();

        Assert.False((await _accepted.AdmitAsync("other", "evt_1", CancellationToken.None)).IsDuplicate);
    }

    [Fact]
    public async Task ADeliveryDuringAnother_WaitsForItsOutcome()
    {
        var first = await AdmitAsync("evt_1");
        var second = AdmitAsync("evt_1");
        var third = AdmitAsync("evt_1");
        Assert.False(second.IsCompleted);

        first.Accepted();

        Assert.True((await second).IsDuplicate);
        Assert.True((await third).IsDuplicate);
    }

    [Fact]
    public async Task ADeliveryDuringAnotherThatFails_IsAdmittedToTryItself()
    {
        var first = await AdmitAsync("evt_1");
        var second = AdmitAsync("evt_1");

        first.Failed();

        Assert.False((await second).IsDuplicate);
    }

    private Task<AcceptedWebhooks.Admission> AdmitAsync(string eventId) => _accepted.AdmitAsync("cw", eventId, CancellationToken.None);
}
