using CoworkSync.Members.Records;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Members;

/// <summary>
/// When an operator may create or link a member's account (e.g. with auto-provision off): a user name asked for is 1
/// to 200 printable characters, and a member who has an account gets no second one. The access policy still decides
/// whether the account is enabled, and the reconciler whether the name is free.
/// </summary>
public static class MemberAccountRules
{
    public const int MaxUsernameLength = 200;

    /// <summary>What is wrong with the user name asked for; null when it may be used (or none was asked for).</summary>
    public static ValidationError? CheckUsername(string? username) =>
        username is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > MaxUsernameLength || name.Any(char.IsControl))
            ? new ValidationError("username", $"must be 1-{MaxUsernameLength} printable characters")
            : null;

    /// <summary>Why the member cannot be given an account now; null when they can.</summary>
    public static string? Conflict(MemberRecord member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Username is { } existing ? $"Member '{member.Platform.MemberId}' already has the account '{existing}'." : null;
    }
}
