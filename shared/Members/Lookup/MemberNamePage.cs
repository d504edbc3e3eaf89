using CoworkSync.Members.Records;

namespace CoworkSync.Members.Lookup;

/// <summary>One page of a name search.</summary>
/// <param name="Members">The members found, in name order (ties: connector, then member id).</param>
/// <param name="Next">Where the next page starts (pass it as <c>after</c>); null on the last page.</param>
public sealed record MemberNamePage(IReadOnlyList<MemberRecord> Members, string? Next);
