using Azure.Data.Tables;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Members.Lookup;

/// <summary>
/// The member lookup indexes as the reconciler keeps them and <see cref="MemberLookup"/> reads them, against real Table
/// Storage, with every storage operation counted: a search is point reads and queries of one partition, never a scan.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberLookupTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly StorageOperationLog _storage = new();
    private readonly LocalFunctionApp _app;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly string _berlin;
    private readonly string _hamburg;

    public MemberLookupTests(AzuriteFixture azurite)
    {
        _berlin = "ber-" + _run;
        _hamburg = "ham-" + _run;
        _app = new LocalFunctionApp(azurite.ConnectionString)
        {
            ConfigureServices = _storage.AddTo,
        };
    }

    private MemberLookup Lookup => _app.Services.GetRequiredService<MemberLookup>();

    [Fact]
    public async Task ByEmail_FindsEveryMemberWithTheAddress_OnEveryConnector_AnyCase_WithOneOnePartitionQueryAndAPointReadEach()
    {
        var email = Email("ada");
        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", email));
        await ReconcileAsync(_hamburg, Member("mem_9", "Ada", "Lovelace", email.ToUpperInvariant()));
        await ReconcileAsync(_berlin, Member("mem_2", "Alan", "Turing", Email("alan")));
        _storage.Clear();

        var found = await Lookup.ByEmailAsync("  " + email.ToUpperInvariant() + " ", CancellationToken.None);

        Assert.Equal([(_berlin, "mem_1"), (_hamburg, "mem_9")], found.Select(m => (m.ConnectorId, m.Platform.MemberId)));
        var query = Assert.Single(_storage.On(TableNames.MemberEmails));
        Assert.Equal(StorageOperationKind.PartitionQuery, query.Kind);
        Assert.Equal(2, _storage.On(TableNames.Members).Count);
        Assert.All(_storage.On(TableNames.Members), o => Assert.Equal(StorageOperationKind.PointRead, o.Kind));
        Assert.Equal(3, _storage.Step().Count(o => o.Kind != StorageOperationKind.Create));
    }

    [Fact]
    public async Task AChangedEmail_MovesTheMemberFromTheOldAddressToTheNew()
    {
        var old = Email("old");
        var renewed = Email("new");
        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", old));

        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", renewed, T0.AddMinutes(1)));

        Assert.Empty(await Lookup.ByEmailAsync(old, CancellationToken.None));
        Assert.Equal("mem_1", Assert.Single(await Lookup.ByEmailAsync(renewed, CancellationToken.None)).Platform.MemberId);
        Assert.Empty(await IndexRowsAsync(TableNames.MemberEmails, TableKey.Escape(old)));
    }

    [Fact]
    public async Task AMemberWhoseEmailAndNameDidNotChange_ReconciledAgain_WritesNothingToTheIndexes()
    {
        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", Email("ada")));
        _storage.Clear();

        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", Email("ada"), T0.AddMinutes(1)) with { Status = MemberStatus.Suspended });
        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", Email("ada"), T0.AddMinutes(1)) with { Status = MemberStatus.Suspended }, syncRunId: "run_1");

        Assert.Empty(_storage.On(TableNames.MemberEmails));
        Assert.Empty(_storage.On(TableNames.MemberNames));
    }

    [Fact]
    public async Task ARenamedMember_IsFoundByTheNewNameOnly()
    {
        await ReconcileAsync(_berlin, Member("mem_1", "Grace", "Brewster", Email("grace")));

        await ReconcileAsync(_berlin, Member("mem_1", "Grace", "Hopper", Email("grace"), T0.AddMinutes(1)));

        Assert.Empty((await NamesAsync("brewster")).Members);
        Assert.Equal("Hopper", Assert.Single((await NamesAsync("hopper")).Members).Platform.LastName);
        Assert.Equal("Hopper", Assert.Single((await NamesAsync("grace")).Members).Platform.LastName);
        Assert.Equal(2, (await IndexRowsAsync(TableNames.MemberNames, TableKey.Escape(_berlin))).Count);
    }

    [Fact]
    public async Task ByNamePrefix_MatchesTheStartOfEitherName_IgnoringCaseAndAccents()
    {
        await ReconcileAsync(_berlin, Member("mem_1", "Antonín", "Dvořák", Email("antonin")));
        await ReconcileAsync(_berlin, Member("mem_2", "Ada", "Lovelace", Email("ada")));
        await ReconcileAsync(_berlin, Member("mem_3", "Adam", "Smith", Email("adam")));

        Assert.Equal(["mem_1"], Ids(await NamesAsync("DVORAK")));
        Assert.Equal(["mem_1"], Ids(await NamesAsync("antonin dv")));
        Assert.Equal(["mem_2", "mem_3"], Ids(await NamesAsync("ada")));
        Assert.Equal(["mem_2"], Ids(await NamesAsync("Ada L")));
        Assert.Equal(["mem_2"], Ids(await NamesAsync("lovelace, ada")));
        Assert.Empty(Ids(await NamesAsync("ada z")));
        Assert.Empty(Ids(await NamesAsync(" -- ")));
    }

    [Fact]
    public async Task AMemberWhoseTwoNamesStartAlike_IsListedOnce()
    {
        await ReconcileAsync(_berlin, Member("mem_1", "Anna", "Andersson", Email("anna")));

        Assert.Equal(["mem_1"], Ids(await NamesAsync("an")));
        Assert.Equal(["mem_1"], Ids(await NamesAsync("andersson")));
    }

    [Fact]
    public async Task ByNamePrefix_AcrossConnectors_PagesInNameOrder_EveryMemberOnce_OneRangeQueryPerConnectorAndAPointReadPerMember()
    {
        string[] lastNames = ["Mayer", "Meier", "Maier", "Meyer", "Mair", "Mayr", "Meir"];
        for (var i = 0; i < lastNames.Length; i++)
            await ReconcileAsync(i % 2 == 0 ? _berlin : _hamburg, Member($"mem_{i}", "Max", lastNames[i], Email("max" + i)));
        await ReconcileAsync(_hamburg, Member("mem_other", "Ada", "Lovelace", Email("ada")));

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            _storage.Clear();
            var page = await Lookup.ByNamePrefixAsync("m", [_berlin, _hamburg], 3, after, CancellationToken.None);
            pages++;
            seen.AddRange(page.Members.Select(m => m.Platform.LastName));
            after = page.Next;

            var ranges = _storage.On(TableNames.MemberNames);
            Assert.Equal(2, ranges.Count);
            Assert.All(ranges, r => Assert.True(r.Kind == StorageOperationKind.PartitionQuery && (Query(r).Contains("RowKey ge", StringComparison.Ordinal) || Query(r).Contains("RowKey gt", StringComparison.Ordinal)), Query(r)));
            Assert.All(_storage.On(TableNames.Members), o => Assert.Equal(StorageOperationKind.PointRead, o.Kind));
            Assert.InRange(_storage.On(TableNames.Members).Count, page.Members.Count, 3);
        }
        while (after is not null && pages < 10);

        // "max …" lists each Max once; "m…" also reaches the "last first" rows ("mayer max"), skipped because "max mayer" lists them.
        Assert.Equal(lastNames.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(lastNames.Length, seen.Distinct().Count());
    }

    [Fact]
    public async Task ByNamePrefix_PagesOfOne_GoThroughEveryMatchInOrder()
    {
        string[] firstNames = ["Bea", "Ben", "Bert", "Bo"];
        foreach (var (name, i) in firstNames.Select((n, i) => (n, i)))
            await ReconcileAsync(i % 2 == 0 ? _hamburg : _berlin, Member($"mem_{i}", name, "", Email(name)));

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await Lookup.ByNamePrefixAsync("b", [_berlin, _hamburg], 1, after, CancellationToken.None);
            seen.AddRange(page.Members.Select(m => m.Platform.FirstName));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(firstNames, seen);
    }

    [Fact]
    public async Task ByNamePrefix_WithAPageTokenItDidNotGive_Refuses()
    {
        await Assert.ThrowsAsync<FormatException>(() => Lookup.ByNamePrefixAsync("a", [_berlin], 10, "not-a-token", CancellationToken.None));
        await Assert.ThrowsAsync<FormatException>(() => Lookup.ByNamePrefixAsync("a", [_berlin], 10, "YQ", CancellationToken.None));
    }

    [Fact]
    public async Task ByUsernameAndByMemberId_ArePointReads()
    {
        var email = Email("barbara");
        await ReconcileAsync(_berlin, Member("mem_5", "Barbara", "Liskov", email));
        _storage.Clear();

        var byUsername = await Lookup.ByUsernameAsync(" " + email.ToUpperInvariant(), CancellationToken.None);
        var byId = await Lookup.ByMemberIdAsync("mem_5", [_hamburg, _berlin], CancellationToken.None);

        Assert.Equal("mem_5", byUsername!.Platform.MemberId);
        Assert.Equal((_berlin, "mem_5"), (Assert.Single(byId).ConnectorId, byId[0].Platform.MemberId));
        var operations = _storage.Step().Where(o => o.Kind != StorageOperationKind.Create).ToList();
        Assert.Equal(4, operations.Count); // the account and its member; the member id on each of two connectors
        Assert.All(operations, o => Assert.Equal(StorageOperationKind.PointRead, o.Kind));
        Assert.Null(await Lookup.ByUsernameAsync("nobody-" + email, CancellationToken.None));
    }

    [Fact]
    public async Task AMemberStoredBeforeTheIndexes_IsIndexedByTheNextSync_AndOnlyOnce()
    {
        var email = Email("katherine");
        var before = Member("mem_3", "Katherine", "Johnson", email) with { PlanId = "pln_x", PlanName = "Night Owl" };
        // A row as the product wrote it before the indexes: no index columns, no entries.
        await _app.Services.GetRequiredService<MemberStore>().SaveAsync(new MemberRecord { ConnectorId = _berlin, Platform = before, Reason = "plan not mapped" }, CancellationToken.None);
        Assert.Empty(await Lookup.ByEmailAsync(email, CancellationToken.None));

        await ReconcileAsync(_berlin, before, syncRunId: "run_1");
        var stored = await _app.Services.GetRequiredService<MemberStore>().GetAsync(_berlin, "mem_3", CancellationToken.None);
        _storage.Clear();
        await ReconcileAsync(_berlin, before, syncRunId: "run_2");

        Assert.Empty(_storage.On(TableNames.MemberEmails));
        Assert.Empty(_storage.On(TableNames.MemberNames));
        Assert.Equal(MemberIndexKeys.For(before), stored!.Indexed);
        Assert.Equal("mem_3", Assert.Single(await Lookup.ByEmailAsync(email, CancellationToken.None)).Platform.MemberId);
        Assert.Equal(["mem_3"], Ids(await NamesAsync("johnson")));
    }

    [Fact]
    public async Task AnEntryLeftBehindByALostRace_IsSkipped()
    {
        var email = Email("left");
        await ReconcileAsync(_berlin, Member("mem_1", "Ada", "Lovelace", Email("ada")));
        // What a write that lost a race leaves: an entry naming a member whose email is another.
        var table = await _app.Services.GetRequiredService<StateTables>().GetAsync(TableNames.MemberEmails, CancellationToken.None);
        await table.UpsertEntityAsync(new TableEntity(TableKey.Escape(email), $"{_berlin}|mem_1") { ["ConnectorId"] = _berlin, ["MemberId"] = "mem_1" });

        Assert.Empty(await Lookup.ByEmailAsync(email, CancellationToken.None));
    }

    private Task<MemberNamePage> NamesAsync(string prefix) =>
        Lookup.ByNamePrefixAsync(prefix, [_berlin, _hamburg], 50, null, CancellationToken.None);

    private static List<string> Ids(MemberNamePage page) => [.. page.Members.Select(m => m.Platform.MemberId)];

    private async Task<List<TableEntity>> IndexRowsAsync(string tableName, string partitionKey)
    {
        var table = await _app.Services.GetRequiredService<StateTables>().GetAsync(tableName, CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")))
            rows.Add(row);
        return rows;
    }

    private Task<ReconcileResult> ReconcileAsync(string connectorId, PlatformMember member, string? syncRunId = null) =>
        _app.Services.GetRequiredService<MemberReconciler>().ReconcileAsync(
            new ReconcileRequest(connectorId, member, new ConnectorSettings(), PlanMapping.Defaults, SyncRunId: syncRunId), CancellationToken.None);

    private string Email(string local) => $"{local}.{_run}@example.com";

    private static PlatformMember Member(string id, string first, string last, string email, DateTimeOffset? at = null) => new()
    {
        MemberId = id,
        FirstName = first,
        LastName = last,
        Email = email,
        Status = MemberStatus.Active,
        MembershipStatus = MembershipStatus.Active,
        PlanId = "pln_flex",
        PlanName = "Flex",
        UpdatedAt = at ?? T0,
    };

    public void Dispose() => _app.Dispose();

    private static string Query(StorageOperation operation) => Uri.UnescapeDataString(operation.Request);
}
