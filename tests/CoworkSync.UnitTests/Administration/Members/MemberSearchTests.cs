using CoworkSync.Administration.Members;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Records;
using CoworkSync.Outcomes;
using CoworkSync.State.Tables;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.Options;

namespace CoworkSync.UnitTests.Administration.Members;

/// <summary>
/// Member search over Moq table clients holding two connectors' members and their index rows: what the input is
/// taken for, which index answers, the connector scope, the hit's content, and refusals that read nothing.
/// </summary>
public sealed class MemberSearchTests
{
    private readonly MockedTables _tables = new();
    private readonly MemberSearch _search;

    public MemberSearchTests()
    {
        var accounts = new AccountStore(_tables.State, new AccountCache(_tables.State, TimeProvider.System, Options.Create(new AccountCacheOptions())), TimeProvider.System);
        _search = new MemberSearch(new ConnectorStore(_tables.State), new MemberLookup(_tables.State, new MemberStore(_tables.State), accounts));
        AddConnector("berlin", "Berlin Mitte");
        AddConnector("paris", "Paris Marais");
        AddMember("berlin", "m1", "Ada", "Lovelace", "Ada@Example.com", username: "ada-wifi");
        AddMember("paris", "m1", "Grace", "Hopper", "grace@example.com");
        AddMember("paris", "m2", "Adèle", "Lacroix", "adele@example.com");
    }

    [Theory]
    [InlineData("", null, null, "q")]
    [InlineData("ada\u0007", null, null, "q")]
    [InlineData("ada", "phone", null, "by")]
    [InlineData("ada", null, 0, "pageSize")]
    [InlineData("ada", null, 101, "pageSize")]
    [InlineData("#!?", "name", null, "q")]
    public async Task AnInvalidSearch_NamesTheField_AndReadsNothing(string text, string? by, int? pageSize, string field)
    {
        var outcome = await _search.SearchAsync(new MemberSearchRequest(text, by, PageSize: pageSize), CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Field == field);
        Assert.Empty(_tables.Reads);
    }

    [Fact]
    public async Task AnOverlongText_IsRefused()
    {
        var outcome = await _search.SearchAsync(new MemberSearchRequest(new string('a', MemberSearch.MaxTextLength + 1)), CancellationToken.None);

        Assert.Equal("q", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public async Task TextWithAnAt_IsAnEmailOrAUserName_FoundByTheEmailIndex_InAnyCase()
    {
        var outcome = await _search.SearchAsync(new MemberSearchRequest("  ADA@example.COM "), CancellationToken.None);

        var view = outcome.Value!;
        Assert.Equal("an email or a WiFi user name", view.Searched);
        var hit = Assert.Single(view.Items);
        Assert.Equal(new MemberSearchHit("berlin", "Berlin Mitte", "m1", "Ada Lovelace", "Ada@Example.com", "active", "ada-wifi", null, false, "email"), hit);
        Assert.DoesNotContain($"{TableNames.MemberNames}:query", _tables.Reads);
        Assert.Null(view.Next);
    }

    [Fact]
    public async Task AUserName_IsFoundThroughItsAccount()
    {
        var outcome = await _search.SearchAsync(new MemberSearchRequest("ADA-WIFI", MemberSearch.ByUsername), CancellationToken.None);

        var hit = Assert.Single(outcome.Value!.Items);
        Assert.Equal(("berlin", "m1", "WiFi user name"), (hit.ConnectorId, hit.MemberId, hit.MatchedBy));
        Assert.Equal("a WiFi user name", outcome.Value.Searched);
    }

    [Fact]
    public async Task TextWithoutAnAt_IsAMemberIdOnEveryConnector_AndTheStartOfAName()
    {
        var byId = await _search.SearchAsync(new MemberSearchRequest("m1"), CancellationToken.None);
        var byName = await _search.SearchAsync(new MemberSearchRequest("ad"), CancellationToken.None);

        Assert.Equal("a member id or the start of a name", byId.Value!.Searched);
        Assert.Equal([("berlin", "member id"), ("paris", "member id")], byId.Value.Items.Select(h => (h.ConnectorId, h.MatchedBy)));
        Assert.Equal(["Ada Lovelace", "Adèle Lacroix"], byName.Value!.Items.Select(h => h.Name));
        Assert.All(byName.Value.Items, h => Assert.Equal("name", h.MatchedBy));
    }

    [Fact]
    public async Task AConnector_LimitsTheSearchToIt_AndAnUnknownOneIsRefused()
    {
        var paris = await _search.SearchAsync(new MemberSearchRequest("m1", MemberSearch.ByMemberId, "paris"), CancellationToken.None);
        var unknown = await _search.SearchAsync(new MemberSearchRequest("m1", ConnectorId: "rome"), CancellationToken.None);

        Assert.Equal("Grace Hopper", Assert.Single(paris.Value!.Items).Name);
        Assert.Equal("connector", Assert.Single(unknown.Errors).Field);
    }

    [Fact]
    public async Task NamesArePaged_AndTheNextPageContinuesWhereTheFirstEnded()
    {
        var first = await _search.SearchAsync(new MemberSearchRequest("a", MemberSearch.ByName, PageSize: 1), CancellationToken.None);
        var second = await _search.SearchAsync(new MemberSearchRequest("a", MemberSearch.ByName, PageSize: 1, After: first.Value!.Next), CancellationToken.None);

        Assert.Equal("Ada Lovelace", Assert.Single(first.Value.Items).Name);
        Assert.NotNull(first.Value.Next);
        Assert.Equal("Adèle Lacroix", Assert.Single(second.Value!.Items).Name);
        Assert.Null(second.Value.Next);
    }

    [Fact]
    public async Task APageTokenThisSearchDidNotGive_IsRefused()
    {
        var outcome = await _search.SearchAsync(new MemberSearchRequest("ada", MemberSearch.ByName, After: "not-a-token"), CancellationToken.None);

        Assert.Equal("after", Assert.Single(outcome.Errors).Field);
    }

    private void AddConnector(string id, string name) =>
        _tables.Add(TableNames.Connectors, ConnectorEntityMapper.ToEntity(new Connector { Id = id, Platform = "coworks", DisplayName = name }));

    private void AddMember(string connectorId, string memberId, string first, string last, string email, string? username = null)
    {
        var platform = new PlatformMember
        {
            MemberId = memberId, FirstName = first, LastName = last, Email = email, Status = MemberStatus.Active,
            MembershipStatus = MembershipStatus.Active, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        _tables.Add(TableNames.Members, MemberEntityMapper.ToEntity(new MemberRecord { ConnectorId = connectorId, Platform = platform, Username = username }));
        var keys = MemberIndexKeys.For(platform);
        _tables.Add(TableNames.MemberEmails, MemberIndexEntities.Email(keys.Email!, connectorId, memberId));
        foreach (var (name, reversed) in keys.NameEntries())
            _tables.Add(TableNames.MemberNames, MemberIndexEntities.Name(connectorId, name, reversed, memberId));
        if (username is not null)
        {
            _tables.Add(TableNames.Accounts, AccountEntityMapper.ToEntity(new WifiAccount
            {
                Username = username, ConnectorId = connectorId, MemberId = memberId, ProtectedPassword = "cipher", Enabled = true,
            }));
        }
    }
}
