using Azure;

namespace CoworkSync.NetworkAccess;

/// <summary>A member's sessions in one billing cycle: closed ones with their final seconds, open ones with their latest interim.</summary>
public sealed record CycleUsage(string CycleKey, IReadOnlyDictionary<string, SessionUsage> Sessions, ETag ETag)
{
    public long UsedSeconds => Sessions.Values.Sum(s => s.Seconds);

    /// <summary>
    /// Open sessions heard from within two interim intervals and a minute of <paramref name="now"/>; older ones lost
    /// their Stop and do not hold a device slot. Sessions of <paramref name="exceptCallingStationId"/> are not counted:
    /// a device that asks again (its Session-Timeout expired) does not take a second slot.
    /// </summary>
    public int OpenSessions(DateTimeOffset now, int acctInterimIntervalSeconds, string? exceptCallingStationId = null) =>
        Online(now, acctInterimIntervalSeconds).Count(s => exceptCallingStationId is null
            || !string.Equals(s.Value.CallingStationId, exceptCallingStationId, StringComparison.Ordinal));

    /// <summary>The sessions <see cref="OpenSessions"/> counts (open, heard from recently), by session id.</summary>
    public IEnumerable<KeyValuePair<string, SessionUsage>> Online(DateTimeOffset now, int acctInterimIntervalSeconds)
    {
        var freshSince = now - TimeSpan.FromSeconds((2 * acctInterimIntervalSeconds) + 60);
        return Sessions.Where(s => s.Value.Open && s.Value.UpdatedAt >= freshSince);
    }

    public static CycleUsage Empty(string cycleKey) => new(cycleKey, new Dictionary<string, SessionUsage>(), default);
}
