using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Lookup;

/// <summary>
/// The two lookup indexes' rows. <c>MemberEmails</c>: partition = email key, row = connector|member, so one email's
/// members are one partition. <c>MemberNames</c>: partition = connector, row = name key|member, so the members whose
/// name starts with a prefix are one RowKey range of one partition. Key parts are escaped (<see cref="TableKey"/>, and
/// <c>|</c> as <c>%7C</c>), so the separator is unambiguous; each row also holds its ids as plain columns.
/// </summary>
internal static class MemberIndexEntities
{
    public const char Separator = '|';

    public static TableEntity Email(string emailKey, string connectorId, string memberId) =>
        new(TableKey.Escape(emailKey), Part(connectorId) + Separator + Part(memberId))
        {
            ["ConnectorId"] = connectorId,
            ["MemberId"] = memberId,
        };

    public static (string PartitionKey, string RowKey) EmailKeys(string emailKey, string connectorId, string memberId) =>
        (TableKey.Escape(emailKey), Part(connectorId) + Separator + Part(memberId));

    public static TableEntity Name(string connectorId, string nameKey, bool reversed, string memberId) =>
        new(TableKey.Escape(connectorId), NameRow(nameKey, memberId))
        {
            ["MemberId"] = memberId,
            ["Reversed"] = reversed,
        };

    public static string NameRow(string nameKey, string memberId) => TableKey.Escape(nameKey) + Separator + Part(memberId);

    /// <summary>The name key a row of <c>MemberNames</c> was written for.</summary>
    public static string NameOf(string rowKey) => TableKey.Unescape(rowKey[..rowKey.LastIndexOf(Separator)]);

    /// <summary>
    /// The first row key after every row whose key starts with <paramref name="escapedPrefix"/>: the prefix with its last
    /// character raised by one. Name keys are letters, digits and spaces (<see cref="Records.SearchText.Name"/>), never
    /// the highest character.
    /// </summary>
    public static string UpperBound(string escapedPrefix) =>
        escapedPrefix[..^1] + (char)(escapedPrefix[^1] + 1);

    private static string Part(string value) => TableKey.Escape(value).Replace("|", "%7C", StringComparison.Ordinal);
}
