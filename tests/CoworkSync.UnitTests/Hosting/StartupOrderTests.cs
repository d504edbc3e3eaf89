using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Hosting.Local;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>What a cold start defers until it is needed: local mode's pump and timers, and the functions they invoke.</summary>
public sealed class StartupOrderTests
{
    [Fact]
    public async Task ServerStarted_CompletesOnlyWhenTheHostHasStarted()
    {
        using var started = new CancellationTokenSource();
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.SetupGet(l => l.ApplicationStarted).Returns(started.Token);

        var waiting = ServerStarted.WaitAsync(lifetime.Object, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await started.CancelAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ServerStarted_EndsCancelled_WhenTheHostStopsBeforeItStarted()
    {
        using var stopping = new CancellationTokenSource();
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.SetupGet(l => l.ApplicationStarted).Returns(CancellationToken.None);

        var waiting = ServerStarted.WaitAsync(lifetime.Object, stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task FunctionInvoker_BuildsTheFunctionsOnFirstUse_NotWhenItIsBuilt()
    {
        var builds = 0;
        var function = new Mock<IInvocationFunction>();
        function.SetupGet(f => f.Name).Returns("PollCoworks");
        function.Setup(f => f.InvokeAsync(It.IsAny<InvocationRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(InvocationResult.Success("ok"));

        var invoker = new FunctionInvoker(() => { builds++; return [function.Object]; }, TimeProvider.System, NullLogger<FunctionInvoker>.Instance);
        Assert.Equal(0, builds);

        Assert.True(invoker.Exists("pollcoworks"));
        var result = await invoker.InvokeAsync("PollCoworks", new InvocationRequest(), CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(1, builds);
    }

    [Fact]
    public void FunctionInvoker_TriesAgain_WhenBuildingTheFunctionsFailed()
    {
        var attempts = 0;
        var function = new Mock<IInvocationFunction>();
        function.SetupGet(f => f.Name).Returns("PollCoworks");
        var invoker = new FunctionInvoker(
            () => ++attempts == 1 ? throw new InvalidOperationException("not yet") : [function.Object],
            TimeProvider.System, NullLogger<FunctionInvoker>.Instance);

        Assert.Throws<InvalidOperationException>(() => invoker.Exists("PollCoworks"));
        Assert.True(invoker.Exists("PollCoworks"));
        Assert.Equal(2, attempts);
    }
}
