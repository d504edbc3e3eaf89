namespace CoworkSync.NetworkAccess;

/// <summary>
/// What RADIUS authorize would answer a request, and why: a dry run that read what authorize reads and wrote nothing.
/// </summary>
/// <param name="Username">The user name asked about.</param>
/// <param name="At">The moment decided for.</param>
/// <param name="StatusCode">The answer: <see cref="RadiusAnswer.Allowed"/>, <see cref="RadiusAnswer.Denied"/> or <see cref="RadiusAnswer.UnknownUser"/>.</param>
/// <param name="ReplyMessage">The <c>Reply-Message</c> of a denial.</param>
/// <param name="Steps">Each check made, in order, up to the one that decided.</param>
/// <param name="Reply">The attributes of an Access-Accept but the password (<see cref="RadiusReply.Terms"/>); null otherwise.</param>
public sealed record AuthorizeExplanation(
    string Username, DateTimeOffset At, int StatusCode, string? ReplyMessage, IReadOnlyList<AuthorizeStep> Steps, IReadOnlyDictionary<string, object>? Reply);
