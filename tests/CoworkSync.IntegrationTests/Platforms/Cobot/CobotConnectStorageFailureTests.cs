using System.Net;
using System.Net.Http.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Cobot;
using CoworkSync.State.Secrets;
using CoworkSync.State.Tables;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// Connecting fails after every Cobot step succeeded, in storing the token (Key Vault) or recording the connection
/// (table storage): what the attempt made is taken back all the same, and the request fails as the app's own failure
/// (the admin API's 500; the callback's page says so with 503).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotConnectStorageFailureTests : IAsyncLifetime
{
    private readonly SecretStoreThatFails _secrets = new();
    private readonly TableWritesThatFail _connections = new(CobotTables.CobotConnections);
    private readonly CobotWorld _world;

    public CobotConnectStorageFailureTests(AzuriteFixture azurite) =>
        _world = new CobotWorld(azurite, services =>
        {
            services.AddSingleton<LocalSecretStore>();
            services.Replace(ServiceDescriptor.Singleton<ISecretStore>(provider => _secrets.Over(provider.GetRequiredService<LocalSecretStore>())));
            var options = new TableClientOptions();
            options.AddPolicy(_connections, HttpPipelinePosition.PerCall);
            services.Replace(ServiceDescriptor.Singleton(new StateTables(new TableServiceClient(azurite.ConnectionString, options))));
        });

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    private string AccessTokenName => CobotSecretNames.AccessToken(_world.ConnectorId);

    [Fact]
    public async Task KeyVaultFailingToStoreTheOperatorsToken_TakesBackTheSubscriptionsAndCallbackToken()
    {
        _world.Cobot.AddToken(CobotWorld.Token);
        _secrets.FailingName = AccessTokenName;

        var put = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { accessToken = CobotWorld.Token });

        Assert.Equal(HttpStatusCode.InternalServerError, put.StatusCode);
        Assert.True(_world.Cobot.CountRequests(r => r.Method == "POST" && r.PathAndQuery == "/api/subscriptions" && r.Status == 201) > 0, "the attempt subscribed before storing");
        Assert.Empty(_world.Cobot.Subscriptions);
        Assert.Null(await SecretAsync(CobotSecretNames.CallbackToken(_world.ConnectorId)));
        Assert.Null(await SecretAsync(AccessTokenName));
        Assert.True(_world.Cobot.HasToken(CobotWorld.Token));
        Assert.False(_world.Cobot.HasToken(_world.Cobot.SpaceTokenMadeFrom(CobotWorld.Token)!), "the space's token the attempt created is revoked");
        Assert.Equal("not connected", await StateAsync());
    }

    [Fact]
    public async Task TableStorageFailingToRecordAnOAuthConnection_DeletesTheStoredToken_AndRevokesIt()
    {
        (await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets",
            new { clientId = CobotSimulator.ClientId, clientSecret = CobotSimulator.ClientSecret })).EnsureSuccessStatusCode();
        var authorize = await ConnectAsync();
        _connections.Failing = true;

        var page = await _world.App.CreateClient().GetAsync($"/api/auth/cobot_admin/callback?code={Uri.EscapeDataString(Code(authorize))}&state={Uri.EscapeDataString(State(authorize))}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Nothing was changed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var token = Assert.Single(_world.Cobot.Requests, r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/access_tokens/", StringComparison.Ordinal)).PathAndQuery.Split('/')[3];
        Assert.Contains(_secrets.Set, name => name == AccessTokenName);
        Assert.Null(await SecretAsync(AccessTokenName));
        Assert.False(_world.Cobot.HasToken(token));
        Assert.False(_world.Cobot.HasToken(_world.Cobot.SpaceTokenMadeFrom(token)!), "the space's token the attempt created is revoked");
        Assert.Empty(_world.Cobot.Subscriptions);
        Assert.Null(await SecretAsync(CobotSecretNames.CallbackToken(_world.ConnectorId)));
        _connections.Failing = false;
        Assert.Equal("not connected", await StateAsync());
        Assert.DoesNotContain(_world.App.Published, e => e.ConnectorId == _world.ConnectorId);
    }

    [Fact]
    public async Task TableStorageFailingToRecordANewToken_PutsThePreviousTokenBack()
    {
        await _world.ConnectWithTokenAsync();
        const string next = "the-operators-next-token";
        _world.Cobot.AddToken(next);
        _connections.Failing = true;

        var put = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { accessToken = next });

        Assert.Equal(HttpStatusCode.InternalServerError, put.StatusCode);
        var previous = _world.Cobot.SpaceTokenMadeFrom(CobotWorld.Token);
        Assert.NotNull(previous);
        Assert.Equal(previous, await SecretAsync(AccessTokenName));
        Assert.True(_world.Cobot.HasToken(previous));
        Assert.NotNull(await SecretAsync(CobotSecretNames.CallbackToken(_world.ConnectorId)));
        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count(s => s.Active));
        Assert.True(_world.Cobot.HasToken(next));
        Assert.False(_world.Cobot.HasToken(_world.Cobot.SpaceTokenMadeFrom(next)!), "the space's token the failed attempt created is revoked");
    }

    private Task<string?> SecretAsync(string name) => _secrets.Inner.GetAsync(name, CancellationToken.None);

    private async Task<string?> StateAsync() =>
        (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection").GetProperty("state").GetString();

    private async Task<Uri> ConnectAsync()
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("x-functions-key", LocalFunctionApp.FunctionKey);
        var response = await client.GetAsync($"/api/connect/cobot/{_world.ConnectorId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private static string State(Uri authorize) => QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();

    private string Code(Uri authorize) => _world.Cobot.Authorize(CobotSimulator.ClientId, QueryHelpers.ParseQuery(authorize.Query)["redirect_uri"].ToString());

    /// <summary>The app's secret store, except that setting <see cref="FailingName"/> fails as Key Vault does when it is unavailable.</summary>
    private sealed class SecretStoreThatFails : ISecretStore
    {
        private readonly List<string> _set = [];

        public ISecretStore Inner { get; private set; } = null!;

        public string? FailingName { get; set; }

        /// <summary>Every name the app set or tried to set, in order.</summary>
        public IReadOnlyList<string> Set
        {
            get
            {
                lock (_set)
                    return [.. _set];
            }
        }

        public SecretStoreThatFails Over(ISecretStore inner)
        {
            Inner = inner;
            return this;
        }

        public Task<string?> GetAsync(string name, CancellationToken cancellationToken) => Inner.GetAsync(name, cancellationToken);

        public Task SetAsync(string name, string value, CancellationToken cancellationToken)
        {
            lock (_set)
                _set.Add(name);
            return name == FailingName
                ? throw new RequestFailedException(503, "Key Vault is unavailable.")
                : Inner.SetAsync(name, value, cancellationToken);
        }

        public Task DeleteAsync(string name, CancellationToken cancellationToken) => Inner.DeleteAsync(name, cancellationToken);
    }

    /// <summary>While <see cref="Failing"/>, every write to one table fails as table storage does in an outage.</summary>
    private sealed class TableWritesThatFail(string table) : HttpPipelinePolicy
    {
        public volatile bool Failing;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfFailing(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfFailing(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void ThrowIfFailing(HttpMessage message)
        {
            if (Failing && message.Request.Method != RequestMethod.Get && message.Request.Uri.Path.Contains($"/{table}(", StringComparison.Ordinal))
                throw new RequestFailedException(503, $"Table {table} is unavailable.");
        }
    }
}
