using System.Net;
using System.Text;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoworkSync.UnitTests.Platforms.Cobot;

/// <summary>Only an answer with valid_until is a check-in; Cobot's 204 means the check-in token is not active.</summary>
public sealed class CobotClientCheckInTests
{
    private static readonly CobotConnection Connection = new(new Uri("https://co-up.cobot.me/"), "token-a");

    [Fact]
    public async Task A201WithValidUntil_IsACheckIn()
    {
        var result = await CheckInAsync(HttpStatusCode.Created, """{"id":"ci-1","valid_from":"2026/11/24 09:00:00 +0000","valid_until":"2026/11/24 21:00:00 +0000"}""");

        Assert.True(result.Created);
        Assert.Equal("2026/11/24 21:00:00 +0000", result.ValidUntil);
        Assert.False(result.TokenInactive);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, null)]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.OK, "{}")]
    [InlineData(HttpStatusCode.Created, """{"valid_until":null}""")]
    [InlineData(HttpStatusCode.OK, "checked in")]
    public async Task AnAnswerWithoutValidUntil_IsNoCheckIn_AndTheTokenIsInactive(HttpStatusCode status, string? body)
    {
        var result = await CheckInAsync(status, body);

        Assert.False(result.Created);
        Assert.True(result.TokenInactive);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
    }

    private static Task<CobotCheckInResult> CheckInAsync(HttpStatusCode status, string? body)
    {
        var answer = new HttpResponseMessage(status) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        var client = new CobotClient(new HttpClient(new Answering(answer)), TimeProvider.System, NullLogger<CobotClient>.Instance);
        return client.CheckInAsync(Connection, "coworksync-token", CancellationToken.None);
    }

    private sealed class Answering(HttpResponseMessage answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer);
    }
}
