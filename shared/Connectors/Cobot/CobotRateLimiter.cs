using Microsoft.Extensions.Options;

namespace CoworkSync.Connectors.Cobot;

/// <summary>
/// Cobot's limits, kept on our side per access token: at most <see cref="CobotClientOptions.RequestsPerMinute"/> (60)
/// requests in any window of <see cref="CobotClientOptions.RateWindow"/>, and at most
/// <see cref="CobotClientOptions.MembershipListsPerMinute"/> (6) of them to the membership list. A request reserves
/// the earliest slot that keeps both and is told how long to wait for it, so concurrent callers queue up fairly
/// instead of all being turned away by a 429. A 429 that happens anyway blocks the token until its Retry-After.
/// Pure bookkeeping over <see cref="TimeProvider"/>: the caller does the waiting.
/// </summary>
public sealed class CobotRateLimiter(TimeProvider time, IOptions<CobotClientOptions> options)
{
    private readonly Dictionary<string, Slots> _byToken = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Reserves the earliest free slot for one request and tells how long to wait before sending it (zero: now). A slot
    /// further away than <see cref="CobotClientOptions.MaxWait"/> is not reserved: the request is refused (false, with
    /// the wait it would have had), and the slots stay free for the requests that do go out.
    /// </summary>
    public bool TryReserve(string tokenKey, bool membershipList, out TimeSpan wait)
    {
        var o = options.Value;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_byToken.TryGetValue(tokenKey, out var slots))
                _byToken[tokenKey] = slots = new Slots();
            slots.Trim(now - o.RateWindow);

            var at = now > slots.BlockedUntil ? now : slots.BlockedUntil;
            at = Max(at, EarliestFree(slots.All, o.RequestsPerMinute, o.RateWindow));
            if (membershipList)
                at = Max(at, EarliestFree(slots.Memberships, o.MembershipListsPerMinute, o.RateWindow));
            wait = at - now;
            if (wait > o.MaxWait)
                return false;

            Insert(slots.All, at);
            if (membershipList)
                Insert(slots.Memberships, at);
            return true;
        }
    }

    /// <summary>Cobot answered 429: nothing goes out with this token before <paramref name="retryAfter"/> has passed.</summary>
    public void Block(string tokenKey, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (!_byToken.TryGetValue(tokenKey, out var slots))
                _byToken[tokenKey] = slots = new Slots();
            var until = time.GetUtcNow() + retryAfter;
            if (until > slots.BlockedUntil)
                slots.BlockedUntil = until;
        }
    }

    /// <summary>The earliest moment at which a window ending then holds fewer than <paramref name="limit"/> slots.</summary>
    private static DateTimeOffset EarliestFree(List<DateTimeOffset> taken, int limit, TimeSpan window) =>
        taken.Count < limit ? DateTimeOffset.MinValue : taken[taken.Count - limit] + window;

    private static void Insert(List<DateTimeOffset> slots, DateTimeOffset at)
    {
        var index = slots.BinarySearch(at);
        slots.Insert(index < 0 ? ~index : index, at);
    }

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
    }
}
