using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot's limits, kept on our side per access token (partitioned by <see cref="CobotRequests.TokenKey"/>): at most
/// <see cref="CobotClientOptions.RequestsPerMinute"/> (60) requests in any window of
/// <see cref="CobotClientOptions.RateWindow"/>, and at most <see cref="CobotClientOptions.MembershipListsPerMinute"/>
/// (6) of them to the membership list. A request reserves the earliest slot that keeps both and waits for it on
/// <see cref="TimeProvider"/>, so concurrent callers queue up fairly instead of all being turned away by a 429. A slot
/// further away than <see cref="CobotClientOptions.MaxWait"/> is neither waited for nor reserved: the lease is refused
/// with that wait as its <see cref="MetadataName.RetryAfter"/>. A 429 that happens anyway blocks the token until its
/// Retry-After (<see cref="Block(HttpRequestMessage, TimeSpan)"/>). Polly's rate limiter strategy asks it for leases
/// (see <see cref="CobotResilience"/>); System.Threading.RateLimiting's own limiters cannot run on a TimeProvider.
/// </summary>
public sealed class CobotRateLimiter(TimeProvider time, IOptions<CobotClientOptions> options, ILogger<CobotRateLimiter> logger)
    : PartitionedRateLimiter<HttpRequestMessage>
{
    private readonly Dictionary<string, Slots> _byToken = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Reserves the earliest free slot for one request and tells how long to wait before sending it (zero: now). A slot
    /// further away than <see cref="CobotClientOptions.MaxWait"/> is not reserved: the request is refused (false, with
    /// the wait it would have had), and the slots stay free for the requests that do go out. Reads the clock once.
    /// </summary>
    public bool TryReserve(string tokenKey, bool membershipList, out TimeSpan wait)
    {
        var o = options.Value;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slots = SlotsOf(tokenKey);
            var at = EarliestSlot(slots, membershipList, now, o);
            wait = at - now;
            if (wait > o.MaxWait)
                return false;
            slots.Take(at, membershipList);
            return true;
        }
    }

    /// <summary>Cobot answered 429: nothing goes out with this token before <paramref name="retryAfter"/> has passed.</summary>
    public void Block(string tokenKey, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var slots = SlotsOf(tokenKey);
            var until = time.GetUtcNow() + retryAfter;
            if (until > slots.BlockedUntil)
                slots.BlockedUntil = until;
        }
    }

    /// <summary>Cobot answered <paramref name="request"/> with a 429: its token is blocked for <paramref name="retryAfter"/>.</summary>
    public void Block(HttpRequestMessage request, TimeSpan retryAfter) => Block(CobotRequests.TokenKey(request), retryAfter);

    /// <summary>Reserves the request's slot (one, whatever <paramref name="permitCount"/>) and waits for it; a refused lease carries the wait as its Retry-After.</summary>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpRequestMessage resource, int permitCount, CancellationToken cancellationToken)
    {
        if (!TryReserve(CobotRequests.TokenKey(resource), CobotRequests.IsMembershipList(resource), out var wait))
            return SlotLease.Refused(wait);
        if (wait > TimeSpan.Zero)
        {
            logger.WaitingForSlot(CobotRequests.LoggedPath(resource), wait);
            await Task.Delay(wait, time, cancellationToken);
        }
        return SlotLease.Acquired;
    }

    /// <summary>A lease only when the request's slot is free now; a later slot is not reserved.</summary>
    protected override RateLimitLease AttemptAcquireCore(HttpRequestMessage resource, int permitCount)
    {
        var membershipList = CobotRequests.IsMembershipList(resource);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slots = SlotsOf(CobotRequests.TokenKey(resource));
            var at = EarliestSlot(slots, membershipList, now, options.Value);
            if (at > now)
                return SlotLease.Refused(at - now);
            slots.Take(now, membershipList);
            return SlotLease.Acquired;
        }
    }

    /// <summary>How many more requests the token can reserve in the window before one has to wait (the membership list's own limit aside).</summary>
    public override RateLimiterStatistics? GetStatistics(HttpRequestMessage resource)
    {
        var o = options.Value;
        lock (_lock)
        {
            var slots = SlotsOf(CobotRequests.TokenKey(resource));
            slots.Trim(time.GetUtcNow() - o.RateWindow);
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, o.RequestsPerMinute - slots.All.Count) };
        }
    }

    private Slots SlotsOf(string tokenKey)
    {
        if (!_byToken.TryGetValue(tokenKey, out var slots))
            _byToken[tokenKey] = slots = new Slots();
        return slots;
    }

    /// <summary>The earliest moment from <paramref name="now"/> on that keeps the token's limits and is not blocked.</summary>
    private static DateTimeOffset EarliestSlot(Slots slots, bool membershipList, DateTimeOffset now, CobotClientOptions o)
    {
        slots.Trim(now - o.RateWindow);
        var at = Max(now, slots.BlockedUntil);
        at = Max(at, EarliestFree(slots.All, o.RequestsPerMinute, o.RateWindow));
        if (membershipList)
            at = Max(at, EarliestFree(slots.Memberships, o.MembershipListsPerMinute, o.RateWindow));
        return at;
    }

    /// <summary>The earliest moment at which a window ending then holds fewer than <paramref name="limit"/> slots.</summary>
    private static DateTimeOffset EarliestFree(List<DateTimeOffset> taken, int limit, TimeSpan window) =>
        taken.Count < limit ? DateTimeOffset.MinValue : taken[taken.Count - limit] + window;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Slots
    {
        public List<DateTimeOffset> All { get; } = [];
        public List<DateTimeOffset> Memberships { get; } = [];
        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

        public void Trim(DateTimeOffset before)
        {
            All.RemoveAll(t => t <= before);
            Memberships.RemoveAll(t => t <= before);
        }

        public void Take(DateTimeOffset at, bool membershipList)
        {
            Insert(All, at);
            if (membershipList)
                Insert(Memberships, at);
        }

        private static void Insert(List<DateTimeOffset> slots, DateTimeOffset at)
        {
            var index = slots.BinarySearch(at);
            slots.Insert(index < 0 ? ~index : index, at);
        }
    }

    /// <summary>A slot reserved (and its time come), or refused with how long until one would be free.</summary>
    private sealed class SlotLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly SlotLease Acquired = new(true, null);

        public static SlotLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
