using System.Net;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Coworks;
using CoworkSync.UnitTests.Messaging.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.Platforms.Coworks;

/// <summary>The client's requests and its reading of answers, without the resilience pipeline (see <see cref="CoworksResilienceTests"/>).</summary>
public sealed class CoworksClientTests : IDisposable
{
    private const string ApiKey = "cw_live_SECRET_key_123";
    private static readonly CoworksConnection Connection = new(new Uri("https://api.coworks.test/"), "spc_123", ApiKey);
    private readonly ListLogger<CoworksClient> _logger = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
            disposable.Dispose();
    }

    private CoworksClient Client(CapturingHandler handler)
    {
        var http = new HttpClient(handler);
        _disposables.Add(http);
        return new CoworksClient(http, _time, _logger);
    }

    private static CapturingHandler Answering(params Func<HttpResponseMessage>[] answers)
    {
        var next = 0;
        return new CapturingHandler((_, _) => Task.FromResult(answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)]()));
    }

    private static async Task<List<PlatformMember>> ToListAsync(IAsyncEnumerable<PlatformMember> members)
    {
        var list = new List<PlatformMember>();
        await foreach (var member in members)
            list.Add(member);
        return list;
    }

    [Fact]
    public async Task ListMembersAsync_ThreePages_RequestsEachPageWithBearerKeyAndYieldsAll()
    {
        var handler = Answering(
            () => CoworksApiJson.Page(1, 3, CoworksApiJson.Member("mem_1"), CoworksApiJson.Member("mem_2")),
            () => CoworksApiJson.Page(2, 3, CoworksApiJson.Member("mem_3")),
            () => CoworksApiJson.Page(3, 3, CoworksApiJson.Member("mem_4", membershipStatus: null)));

        var members = await ToListAsync(Client(handler).ListMembersAsync(Connection, CancellationToken.None));

        Assert.Equal(["mem_1", "mem_2", "mem_3", "mem_4"], members.Select(m => m.MemberId));
        Assert.Equal(MembershipStatus.None, members[3].MembershipStatus);
        Assert.Equal("pln_flex", members[0].PlanId);
        Assert.Equal(
            Enumerable.Range(1, 3).Select(page => $"https://api.coworks.test/v1/spaces/spc_123/members?page={page}&per_page=100"),
            handler.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.All(handler.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Header("Authorization")));
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task ListMembersAsync_NoMembers_StopsAfterFirstPage()
    {
        var handler = Answering(() => CoworksApiJson.Page(1, 0));

        var members = await ToListAsync(Client(handler).ListMembersAsync(Connection, CancellationToken.None));

        Assert.Empty(members);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ListMembersAsync_BaseUrlWithPathAndSpaceNeedingEscape_BuildsUnderThePath()
    {
        var handler = Answering(() => CoworksApiJson.Page(1, 1));
        var connection = new CoworksConnection(new Uri("https://gateway.test/coworks/api"), "spc/1 2", ApiKey);

        await ToListAsync(Client(handler).ListMembersAsync(connection, CancellationToken.None));

        Assert.Equal("https://gateway.test/coworks/api/v1/spaces/spc%2F1%202/members?page=1&per_page=100", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ListMembersAsync_NoMeta_ThrowsPayloadExceptionRatherThanStopping()
    {
        var handler = Answering(() => CoworksApiJson.Json(new { data = new[] { CoworksApiJson.Member("mem_1") } }));

        var ex = await Assert.ThrowsAsync<CoworksPayloadException>(() => ToListAsync(Client(handler).ListMembersAsync(Connection, CancellationToken.None)));

        Assert.Contains("meta.total_pages", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMembersAsync_MemberWithUnknownStatus_ThrowsNamingTheMember()
    {
        var handler = Answering(() => CoworksApiJson.Page(1, 1, CoworksApiJson.Member("mem_1"), CoworksApiJson.Member("mem_2", status: "archived")));

        var ex = await Assert.ThrowsAsync<CoworksPayloadException>(() => ToListAsync(Client(handler).ListMembersAsync(Connection, CancellationToken.None)));

        Assert.Contains("mem_2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMembersAsync_NotJson_ThrowsPayloadException()
    {
        var handler = Answering(() => CoworksApiJson.Text("<html>maintenance</html>"));

        var ex = await Assert.ThrowsAsync<CoworksPayloadException>(() => ToListAsync(Client(handler).ListMembersAsync(Connection, CancellationToken.None)));

        Assert.Contains("list members (page 1) in space spc_123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMemberAsync_Found_MapsMemberWithMembership()
    {
        var handler = Answering(() => CoworksApiJson.Single(CoworksApiJson.Member("mem_42", membershipStatus: "ended")));

        var member = await Client(handler).GetMemberAsync(Connection, "mem_42", CancellationToken.None);

        Assert.NotNull(member);
        Assert.Equal("mem_42", member.MemberId);
        Assert.Equal(MembershipStatus.Ended, member.MembershipStatus);
        Assert.Equal("https://api.coworks.test/v1/spaces/spc_123/members/mem_42", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GetMemberAsync_NotFound_ReturnsNull()
    {
        var handler = Answering(() => new HttpResponseMessage(HttpStatusCode.NotFound));

        Assert.Null(await Client(handler).GetMemberAsync(Connection, "mem_gone", CancellationToken.None));
    }

    [Fact]
    public async Task GetMemberAsync_JsonNull_ThrowsPayloadExceptionNotNull()
    {
        var handler = Answering(() => CoworksApiJson.Text("null"));

        await Assert.ThrowsAsync<CoworksPayloadException>(() => Client(handler).GetMemberAsync(Connection, "mem_42", CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task GetMemberAsync_CredentialsRejected_ThrowsNotTransientWithoutTheKey(HttpStatusCode status)
    {
        // A careless error page might echo the request's header back.
        var handler = Answering(() => CoworksApiJson.Text($"{{\"error\":\"bad key Bearer {ApiKey}\"}}", status));

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).GetMemberAsync(Connection, "mem_42", CancellationToken.None));

        Assert.Equal((int)status, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Contains("rejected the API key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spc_123", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.All(_logger.Lines, line => Assert.DoesNotContain(ApiKey, line, StringComparison.Ordinal));
        Assert.Contains(_logger.Lines, line => line.Contains("bad key Bearer ***", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    public async Task ListPlansAsync_ErrorStatus_ThrowsWithStatusAndTransience(HttpStatusCode status, bool transient)
    {
        var handler = Answering(() => new HttpResponseMessage(status));

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal(transient, ex.IsTransient);
    }

    [Fact]
    public async Task ListPlansAsync_NotFound_ThrowsNotTransient()
    {
        var handler = Answering(() => new HttpResponseMessage(HttpStatusCode.NotFound));

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task ListPlansAsync_TooManyRequestsWithRetryAfter_ExceptionCarriesTheWait()
    {
        var handler = Answering(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "120" } } });

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
    }

    [Fact]
    public async Task ListPlansAsync_TooManyRequestsWithRetryAfterDate_TheWaitIsCountedFromTheClientsClock()
    {
        var handler = Answering(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "Sun, 01 Nov 2026 09:31:15 GMT" } } });

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(75), ex.RetryAfter);
    }

    [Fact]
    public async Task ListPlansAsync_NetworkError_ThrowsTransientWithoutStatus()
    {
        var handler = CapturingHandler.Throwing(new HttpRequestException(HttpRequestError.NameResolutionError, "No such host"));

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Contains("https://api.coworks.test", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPlansAsync_AttemptTimedOut_ThrowsTransient()
    {
        var handler = CapturingHandler.Throwing(new Polly.Timeout.TimeoutRejectedException());

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Contains("did not answer in time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPlansAsync_CircuitOpen_ThrowsTransientWithRetryAfter()
    {
        var handler = CapturingHandler.Throwing(new Polly.CircuitBreaker.BrokenCircuitException(TimeSpan.FromSeconds(12)));

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => Client(handler).ListPlansAsync(Connection, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.RetryAfter);
    }

    [Fact]
    public async Task ListPlansAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var handler = new CapturingHandler((_, token) => Task.FromCanceled<HttpResponseMessage>(token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(handler).ListPlansAsync(Connection, cancellation.Token));
    }

    [Fact]
    public async Task ListPlansAsync_Plans_ReturnsIdsAndNames()
    {
        var handler = Answering(() => CoworksApiJson.Plans(("pln_flex", "Flex"), ("pln_ft", "Full-time")));

        var plans = await Client(handler).ListPlansAsync(Connection, CancellationToken.None);

        Assert.Equal([new PlatformPlan("pln_flex", "Flex"), new PlatformPlan("pln_ft", "Full-time")], plans);
        Assert.Equal("https://api.coworks.test/v1/spaces/spc_123/plans", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task CheckAsync_Accepted_Succeeds()
    {
        var check = await Client(Answering(() => CoworksApiJson.Plans(("pln_flex", "Flex")))).CheckAsync(Connection, CancellationToken.None);

        Assert.True(check.Succeeded);
        Assert.Equal(CoworksCheckOutcome.Ok, check.Outcome);
        Assert.Contains("spc_123", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, CoworksCheckOutcome.CredentialsRejected)]
    [InlineData(HttpStatusCode.Forbidden, CoworksCheckOutcome.CredentialsRejected)]
    [InlineData(HttpStatusCode.NotFound, CoworksCheckOutcome.SpaceNotFound)]
    [InlineData(HttpStatusCode.InternalServerError, CoworksCheckOutcome.UnexpectedResponse)]
    public async Task CheckAsync_ErrorStatus_ReportsOutcomeWithoutTheKey(HttpStatusCode status, CoworksCheckOutcome outcome)
    {
        var check = await Client(Answering(() => new HttpResponseMessage(status))).CheckAsync(Connection, CancellationToken.None);

        Assert.False(check.Succeeded);
        Assert.Equal(outcome, check.Outcome);
        Assert.Equal((int)status, check.StatusCode);
        Assert.DoesNotContain(ApiKey, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NetworkError_Unreachable()
    {
        var check = await Client(CapturingHandler.Throwing(new HttpRequestException("refused"))).CheckAsync(Connection, CancellationToken.None);

        Assert.Equal(CoworksCheckOutcome.Unreachable, check.Outcome);
        Assert.Null(check.StatusCode);
    }

    [Fact]
    public async Task CheckAsync_NotTheDocumentedFormat_UnexpectedResponse()
    {
        var check = await Client(Answering(() => CoworksApiJson.Text("{\"plans\":[]}"))).CheckAsync(Connection, CancellationToken.None);

        Assert.Equal(CoworksCheckOutcome.UnexpectedResponse, check.Outcome);
    }

    [Fact]
    public void Connection_ToString_LeavesTheKeyOut()
    {
        Assert.DoesNotContain(ApiKey, Connection.ToString(), StringComparison.Ordinal);
        Assert.Contains("spc_123", Connection.ToString(), StringComparison.Ordinal);
    }
}
