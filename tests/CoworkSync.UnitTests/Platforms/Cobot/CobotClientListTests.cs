using System.Net;
using System.Text;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoworkSync.UnitTests.Platforms.Cobot;

/// <summary>Cobot's list endpoints: only a JSON array is a list, so a broken answer never reads as "nothing there".</summary>
public sealed class CobotClientListTests
{
    private static readonly CobotConnection Connection = new(new Uri("https://co-up.cobot.me/"), "token-a");

    public static TheoryData<string> Lists => ["memberships", "plans", "custom field values", "space custom fields", "subscriptions"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A204_IsNotAnEmptyList(string list) =>
        await Assert.ThrowsAsync<CobotPayloadException>(() => ListAsync(list, new HttpResponseMessage(HttpStatusCode.NoContent)));

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task AnEmptyBody_Null_AnObject_OrANullItem_IsNotAList(string list)
    {
        foreach (var body in new[] { "", "null", "{}", "[null]" })
            await Assert.ThrowsAsync<CobotPayloadException>(() => ListAsync(list, Json(body)));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task AnEmptyArray_IsAnEmptyList(string list) =>
        Assert.Equal(0, await ListAsync(list, Json("[]")));

    [Theory]
    [InlineData("Link", "<https://co-up.cobot.me/api/memberships?page=2>; rel=\"next\"")]
    [InlineData("Link", "<https://co-up.cobot.me/api/memberships?page=2>; rel=next")]
    [InlineData("X-Next-Page", "2")]
    [InlineData("Total", "3")]
    [InlineData("X-Total-Count", "3")]
    public async Task AnAnswerThatSaysItIsOnePageOfMore_IsNotTheList(string header, string value)
    {
        var answer = Json("""[{"id":"m-1"},{"id":"m-2"}]""");
        answer.Headers.TryAddWithoutValidation(header, value);

        var error = await Assert.ThrowsAsync<CobotPayloadException>(() => ListAsync("memberships", answer));

        Assert.Contains("one page of a longer list", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Link", "<https://co-up.cobot.me/api/memberships?page=1>; rel=\"prev\"")]
    [InlineData("Total", "2")]
    [InlineData("X-Next-Page", "")]
    public async Task PagingHeadersThatNameNoFurtherPage_LeaveTheListWhole(string header, string value)
    {
        var answer = Json("""[{"id":"m-1"},{"id":"m-2"}]""");
        answer.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(2, await ListAsync("memberships", answer));
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <returns>How many items the client read.</returns>
    private static async Task<int> ListAsync(string list, HttpResponseMessage answer)
    {
        var client = new CobotClient(new HttpClient(new Answering(answer)), TimeProvider.System, NullLogger<CobotClient>.Instance);
        return list switch
        {
            "memberships" => (await client.ListMembershipsAsync(Connection, CancellationToken.None)).Count,
            "plans" => (await client.ListPlansAsync(Connection, CancellationToken.None)).Count,
            "custom field values" => (await client.ListMembershipFieldsAsync(Connection, CancellationToken.None)).Count,
            "space custom fields" => (await client.ListSpaceFieldsAsync(Connection, CancellationToken.None)).Count,
            "subscriptions" => (await client.ListSubscriptionsAsync(Connection, CancellationToken.None)).Count,
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
    }

    private sealed class Answering(HttpResponseMessage answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer);
    }
}
