namespace CoworkSync.NetworkAccess;

/// <summary>A session online now, as accounting last heard of it.</summary>
/// <param name="SessionId">The access point's <c>Acct-Session-Id</c>.</param>
/// <param name="Device">The device (<see cref="CallingStation"/>); null when no report named it.</param>
/// <param name="AccessPoint">The NAS it is on; null when no report named it.</param>
/// <param name="Since">When it began: the last report's time less the seconds it reported.</param>
/// <param name="LastReport">When accounting last heard of it.</param>
public sealed record OnlineSession(string SessionId, string? Device, string? AccessPoint, DateTimeOffset Since, DateTimeOffset LastReport);
