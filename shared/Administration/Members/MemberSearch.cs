using CoworkSync.Connectors;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.Records;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Members;

/// <summary>
/// Finds members across connectors by name, email, member id or WiFi user name through the lookup indexes
/// (<see cref="MemberLookup"/>): point reads and one-partition queries, never a read of every member.
/// </summary>
public sealed class MemberSearch(ConnectorStore connectors, MemberLookup lookup)
{
    public const int DefaultPageSize = 20;
    public const int MaxTextLength = 200;

    public const string Any = "any";
    public const string ByName = "name";
    public const string ByEmail = "email";
    public const string ByMemberId = "member";
    public const string ByUsername = "username";

    public static IReadOnlyList<string> Kinds { get; } = [Any, ByName, ByEmail, ByMemberId, ByUsername];

    /// <summary>
    /// One page of members. With <c>any</c>, text with an <c>@</c> is looked up as an email and as a WiFi user name;
    /// other text as a member id (on the first page) and as the start of a name. Invalid for empty or overlong text, an
    /// unknown kind or connector, a page size out of range, or a page token this search did not give.
    /// </summary>
    public async Task<Outcome<MemberSearchView>> SearchAsync(MemberSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text?.Trim() ?? "";
        var by = string.IsNullOrWhiteSpace(request.By) ? Any : request.By.Trim().ToLowerInvariant();
        var errors = new List<ValidationError>();
        if (text.Length == 0)
            errors.Add(new("q", "type a name, an email, a member id or a WiFi user name"));
        else if (text.Length > MaxTextLength || text.Any(char.IsControl))
            errors.Add(new("q", $"must be at most {MaxTextLength} printable characters"));
        if (!Kinds.Contains(by))
            errors.Add(new("by", "must be one of any, name, email, member, username"));
        if (request.PageSize is < 1 or > MemberLookup.MaxPageSize)
            errors.Add(new("pageSize", $"must be between 1 and {MemberLookup.MaxPageSize}"));
        if (errors.Count == 0 && by == ByName && SearchText.Name(text).Length == 0)
            errors.Add(new("q", "a name must contain a letter or a digit"));
        if (errors.Count > 0)
            return Outcome<MemberSearchView>.Invalid(errors);

        var all = await connectors.ListAsync(cancellationToken);
        var scope = request.ConnectorId is { Length: > 0 } only ? all.Where(c => c.Id == only).ToList() : [.. all];
        if (request.ConnectorId is { Length: > 0 } && scope.Count == 0)
            return Outcome<MemberSearchView>.Invalid("connector", "is not a connector");
        var names = all.ToDictionary(c => c.Id, c => c.DisplayName, StringComparer.Ordinal);
        var ids = scope.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var pageSize = request.PageSize ?? DefaultPageSize;
        var looksLikeEmail = text.Contains('@', StringComparison.Ordinal);

        var hits = new List<(MemberRecord Member, string MatchedBy)>();
        string? next = null;
        string searched;
        try
        {
            switch (by)
            {
                case ByEmail:
                    searched = "an email";
                    await AddEmailAsync(hits, text, ids, cancellationToken);
                    break;
                case ByUsername:
                    searched = "a WiFi user name";
                    await AddUsernameAsync(hits, text, ids, cancellationToken);
                    break;
                case ByMemberId:
                    searched = "a member id";
                    await AddMemberIdAsync(hits, text, ids, cancellationToken);
                    break;
                case ByName:
                    searched = "the start of a name";
                    next = await AddNamesAsync(hits, text, ids, pageSize, request.After, cancellationToken);
                    break;
                default:
                    if (looksLikeEmail)
                    {
                        searched = "an email or a WiFi user name";
                        await AddEmailAsync(hits, text, ids, cancellationToken);
                        await AddUsernameAsync(hits, text, ids, cancellationToken);
                    }
                    else
                    {
                        searched = SearchText.Name(text).Length > 0 ? "a member id or the start of a name" : "a member id";
                        if (request.After is null)
                            await AddMemberIdAsync(hits, text, ids, cancellationToken);
                        if (SearchText.Name(text).Length > 0)
                            next = await AddNamesAsync(hits, text, ids, pageSize, request.After, cancellationToken);
                    }
                    break;
            }
        }
        catch (FormatException)
        {
            return Outcome<MemberSearchView>.Invalid("after", "is not a page of this search; start the search again");
        }

        var items = hits
            .DistinctBy(h => (h.Member.ConnectorId, h.Member.Platform.MemberId))
            .Select(h => Hit(h.Member, names.GetValueOrDefault(h.Member.ConnectorId) ?? h.Member.ConnectorId, h.MatchedBy))
            .ToList();
        return Outcome<MemberSearchView>.Done(new MemberSearchView(text, searched, items, next));
    }

    private async Task AddEmailAsync(List<(MemberRecord, string)> hits, string text, List<string> connectorIds, CancellationToken cancellationToken)
    {
        foreach (var member in await lookup.ByEmailAsync(text, cancellationToken))
        {
            if (connectorIds.Contains(member.ConnectorId))
                hits.Add((member, "email"));
        }
    }

    private async Task AddUsernameAsync(List<(MemberRecord, string)> hits, string text, List<string> connectorIds, CancellationToken cancellationToken)
    {
        if (await lookup.ByUsernameAsync(text, cancellationToken) is { } member && connectorIds.Contains(member.ConnectorId))
            hits.Add((member, "WiFi user name"));
    }

    private async Task AddMemberIdAsync(List<(MemberRecord, string)> hits, string text, List<string> connectorIds, CancellationToken cancellationToken)
    {
        foreach (var member in await lookup.ByMemberIdAsync(text, connectorIds, cancellationToken))
            hits.Add((member, "member id"));
    }

    private async Task<string?> AddNamesAsync(List<(MemberRecord, string)> hits, string text, List<string> connectorIds, int pageSize, string? after, CancellationToken cancellationToken)
    {
        var page = await lookup.ByNamePrefixAsync(text, connectorIds, pageSize, after, cancellationToken);
        hits.AddRange(page.Members.Select(m => (m, "name")));
        return page.Next;
    }

    private static MemberSearchHit Hit(MemberRecord member, string connectorName, string matchedBy)
    {
        var p = member.Platform;
        return new MemberSearchHit(member.ConnectorId, connectorName, p.MemberId, $"{p.FirstName} {p.LastName}".Trim(), p.Email,
            p.Status.ToString().ToLowerInvariant(), member.Username, member.Reason, member.Gone, matchedBy);
    }
}
