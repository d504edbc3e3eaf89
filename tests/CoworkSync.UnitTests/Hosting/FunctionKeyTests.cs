using System.Net;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.State.Health;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>Local mode checks function keys itself, the way the Functions host does in Azure.</summary>
public sealed class FunctionKeyTests : IDisposable
{
    private readonly FunctionAppFactory _app;

    public FunctionKeyTests()
    {
        var store = new Mock<IDeadLetterStore>();
        store.Setup(s => s.ListAsync(It.IsAny<DeadLetterQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DeadLetterPage([], null));
        var probe = new Mock<IHealthProbe>();
        probe.SetupGet(p => p.Name).Returns("tables");
        probe.Setup(p => p.CheckAsync(It.IsAny<CancellationToken>())).ReturnsAsync(HealthProbeResult.Ok);
        _app = FunctionAppFactory.LocalMode(s => s.Replace(store.Object).RemoveAll<IHealthProbe>().AddSingleton(probe.Object));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-function-key-but-longer")]
    public async Task AdminRoute_WithoutTheRightKey_Is401WithNoDetail(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/dead-letters");
        if (key is not null)
            request.Headers.Add("x-functions-key", key);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminRoute_WithTheKeyInTheHeader_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/dead-letters");
        request.Headers.Add("x-functions-key", FunctionAppFactory.FunctionKey);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminRoute_WithTheKeyAsCode_IsServed()
    {
        var response = await _app.CreateClient().GetAsync("/api/admin/dead-letters?code=" + FunctionAppFactory.FunctionKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthRoute_IsAnonymous()
    {
        var response = await _app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
