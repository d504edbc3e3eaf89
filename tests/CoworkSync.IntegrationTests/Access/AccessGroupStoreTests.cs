using Azure.Data.Tables;
using CoworkSync.Access;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.Access;

/// <summary>The store's cache across instances, and its tolerance of a damaged row, against real Table Storage.</summary>
public sealed class AccessGroupStoreTests(AccessGroupsAzurite azurite) : IClassFixture<AccessGroupsAzurite>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetAll_AnotherInstancesPut_IsSeenOnceTheCacheExpires_AfterTheBackgroundReload()
    {
        var radius = NewStore();
        var admin = NewStore();
        var id = "it-" + Guid.NewGuid().ToString("N")[..10];
        var cached = await radius.GetAllAsync(CancellationToken.None);

        await admin.PutAsync(new AccessGroup { Id = id, DisplayName = "Elsewhere" }, CancellationToken.None);

        _time.Advance(AccessGroupStore.CacheDuration - TimeSpan.FromSeconds(1));
        Assert.Same(cached, await radius.GetAllAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(cached, await radius.GetAllAsync(CancellationToken.None));
        var fresh = await Eventually.GetAsync(() => radius.GetAllAsync(CancellationToken.None), all => all.ContainsKey(id), "the reloaded groups");
        Assert.Equal("Elsewhere", fresh[id].DisplayName);
        Assert.True(AccessGroupDefaults.All.All(d => fresh.ContainsKey(d.Id)));
    }

    [Fact]
    public async Task GetAll_ManyCallersAtOnce_ShareOneSnapshot()
    {
        var store = NewStore();

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.GetAllAsync(CancellationToken.None)));

        Assert.All(all, groups => Assert.Same(all[0], groups));
    }

    [Fact]
    public async Task GetAll_ADamagedStoredDefault_IsIgnored_AndTheDefaultApplies()
    {
        try
        {
            await azurite.Table.CreateIfNotExistsAsync();
            await azurite.Table.UpsertEntityAsync(new TableEntity("groups", "trial") { ["DisplayName"] = "Broken", ["TimeWindows"] = "{not json" });
            var store = NewStore();

            var all = await store.GetAllAsync(CancellationToken.None);
            var found = await store.FindAsync("trial", CancellationToken.None);

            Assert.Same(AccessGroupDefaults.Trial, all["trial"]);
            Assert.Equal(new AccessGroupEntry(AccessGroupDefaults.Trial, AccessGroupSource.Default), found);
        }
        finally
        {
            await azurite.ResetAsync("trial");
        }
    }

    private AccessGroupStore NewStore() =>
        new(new StateTables(new TableServiceClient(azurite.ConnectionString)), _time, NullLogger<AccessGroupStore>.Instance);
}
