using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.History;
using CoworkSync.Members.Records;
using CoworkSync.Simulators.Coworks;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.IntegrationTests.Members.Sync;

/// <summary>
/// A sync's new members whose history entries cannot be written (their transaction refused by storage) are created all
/// the same, and each is logged as one member's failed history write is: the history is for people to read, the change stands.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SyncHistoryNotRecordedTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private readonly CoworksWorld _world;

    public SyncHistoryNotRecordedTests(AzuriteFixture azurite) => _world = new CoworksWorld(azurite, services =>
    {
        _logs.AddTo(services);
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(new RefuseHistoryTransactions(), HttpPipelinePosition.PerCall);
            return new TableServiceClient(provider.GetRequiredService<IConfiguration>()["Storage:ConnectionString"], options);
        }));
    });

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ThreeNewMembersWhoseHistoryTransactionFails_AreCreated_AndEachIsLoggedAsHistoryNotRecorded()
    {
        var members = Enumerable.Range(0, 3).Select(i => SimulatedMember.Active($"mem_nohist{i}_{Guid.NewGuid().ToString("N")[..8]}")).ToList();
        _world.Space.AddMembers(members);

        var run = await _world.SyncAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(3, run.GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal(0, run.GetProperty("counts").GetProperty("failed").GetInt32());
        var services = _world.App.Services;
        foreach (var member in members)
        {
            var row = await services.GetRequiredService<MemberStore>().GetAsync(_world.ConnectorId, member.Id, CancellationToken.None);
            Assert.NotNull(row?.Username);
            Assert.Empty(await services.GetRequiredService<MemberHistoryStore>().ListAsync(_world.ConnectorId, member.Id, CancellationToken.None));
            Assert.Single(_logs.Lines, l => l.Contains("[1201]", StringComparison.Ordinal) && l.Contains(member.Id, StringComparison.Ordinal));
        }
    }

    /// <summary>Answers every transaction on the history table as storage refusing it would, before it is sent.</summary>
    private sealed class RefuseHistoryTransactions : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Refuse(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Refuse(message);
            return ProcessNextAsync(message, pipeline);
        }

        private static void Refuse(HttpMessage message)
        {
            if (!message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) || message.Request.Content is null)
                return;
            using var body = new MemoryStream();
            message.Request.Content.WriteTo(body, CancellationToken.None);
            if (Encoding.UTF8.GetString(body.ToArray()).Contains("/" + TableNames.MemberHistory, StringComparison.Ordinal))
                throw new RequestFailedException(503, "History transactions refused by the test.", "ServerBusy", null);
        }
    }
}
