using Azure.Data.Tables;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.MemberPortal.SignInLinks;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.MemberPortal;

/// <summary>
/// Emailed sign-in links and their request limits against real Table Storage: a link works once (also when used twice
/// at the same moment), not after its 15 minutes, and is stored only as its hash; requests count per address and per
/// client, across instances, window by window.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignInLinkStorageTests(AzuriteFixture azurite)
{
    private static readonly ProvenMember[] Members = [new("berlin", "mem_1"), new("hamburg", "mem_9")];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 10, 5, 0, TimeSpan.Zero));
    private readonly SignInLinkOptions _options = new();

    [Fact]
    public async Task ALink_WorksOnce_ForTheMembersItWasSentFor()
    {
        var tokens = Tokens();
        var token = await tokens.IssueAsync(" Ada@Example.com ", Members, CancellationToken.None);

        var used = await tokens.ConsumeAsync(token, CancellationToken.None);

        Assert.Equal("ada@example.com", used!.Email);
        Assert.Equal(Members, used.Members);
        Assert.Null(await tokens.ConsumeAsync(token, CancellationToken.None));
        Assert.Null(await Tokens().ConsumeAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task ALink_UsedTwiceAtOnce_WorksForOneOnly()
    {
        var token = await Tokens().IssueAsync("ada@example.com", Members, CancellationToken.None);

        var uses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Tokens().ConsumeAsync(token, CancellationToken.None)));

        Assert.Single(uses, u => u is not null);
    }

    [Fact]
    public async Task ALink_FifteenMinutesOld_NoLongerWorks_ButAMinuteEarlierItDoes()
    {
        var tokens = Tokens();
        var late = await tokens.IssueAsync("ada@example.com", Members, CancellationToken.None);
        var timely = await tokens.IssueAsync("ada@example.com", Members, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.NotNull(await tokens.ConsumeAsync(timely, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await tokens.ConsumeAsync(late, CancellationToken.None));
    }

    [Fact]
    public async Task ALink_IsStoredOnlyAsItsHash_AndAnUnknownOrMalformedTokenIsRefused()
    {
        var tokens = Tokens();
        var token = await tokens.IssueAsync("ada@example.com", Members, CancellationToken.None);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(PortalTables.SignInLinks);

        await foreach (var entity in table.QueryAsync<TableEntity>())
            Assert.DoesNotContain(token, string.Join(" ", entity.Select(kv => kv.Value?.ToString()).Append(entity.PartitionKey)), StringComparison.Ordinal);
        Assert.Null(await tokens.ConsumeAsync(token + "x", CancellationToken.None));
        Assert.Null(await tokens.ConsumeAsync("", CancellationToken.None));
        Assert.Null(await tokens.ConsumeAsync(new string('a', 500), CancellationToken.None));
        Assert.NotNull(await tokens.ConsumeAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Requests_AreLimitedPerAddress_AcrossInstances_UntilTheNextWindow()
    {
        var email = $"limit-{Guid.NewGuid():N}@example.com";
        var first = Limits();
        var second = Limits();

        var taken = new List<bool>();
        for (var i = 0; i < _options.PerEmailLimit + 1; i++)
            taken.Add(await (i % 2 == 0 ? first : second).TryTakeAsync(i % 2 == 0 ? email : email.ToUpperInvariant(), $"198.51.100.{i}", CancellationToken.None));

        Assert.Equal([.. Enumerable.Repeat(true, _options.PerEmailLimit), false], taken);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await first.TryTakeAsync(email, "198.51.100.99", CancellationToken.None));
    }

    [Fact]
    public async Task Requests_AreLimitedPerClientAddress_WhateverTheEmails()
    {
        var client = $"client-{Guid.NewGuid():N}";
        var limits = Limits();

        var taken = new List<bool>();
        for (var i = 0; i < _options.PerClientLimit + 1; i++)
            taken.Add(await limits.TryTakeAsync($"someone-{i}-{Guid.NewGuid():N}@example.com", client, CancellationToken.None));

        Assert.Equal([.. Enumerable.Repeat(true, _options.PerClientLimit), false], taken);
    }

    [Fact]
    public async Task Purging_RemovesExpiredLinksAndOldWindows_Only()
    {
        var tokens = Tokens();
        var limits = Limits();
        var old = await tokens.IssueAsync("ada@example.com", Members, CancellationToken.None);
        await limits.TryTakeAsync($"purge-{Guid.NewGuid():N}@example.com", "203.0.113.1", CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(2));
        var fresh = await tokens.IssueAsync("ada@example.com", Members, CancellationToken.None);

        Assert.True(await tokens.PurgeBeforeAsync(_time.GetUtcNow().AddDays(-1), CancellationToken.None) >= 1);
        Assert.True(await limits.PurgeBeforeAsync(_time.GetUtcNow().AddDays(-1), CancellationToken.None) >= 2);
        Assert.Null(await tokens.ConsumeAsync(old, CancellationToken.None));
        Assert.NotNull(await tokens.ConsumeAsync(fresh, CancellationToken.None));
    }

    private StateTables Tables() => new(new TableServiceClient(azurite.ConnectionString));

    private SignInLinkTokens Tokens() => new(Tables(), _time, Options.Create(_options));

    private SignInLinkLimits Limits() => new(Tables(), _time, Options.Create(_options));
}
