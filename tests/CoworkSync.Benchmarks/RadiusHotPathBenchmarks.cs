using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoworkSync.Access;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Benchmarks;

/// <summary>
/// The CPU work of one RADIUS authorize besides its two table reads: reading rlm_rest's body, merging the groups,
/// placing now in the time window and billing cycle, and writing the reply.
/// </summary>
[MemoryDiagnoser]
public class RadiusHotPathBenchmarks
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly AccessGroup[] _groups = [AccessGroupDefaults.Flex, AccessGroupDefaults.Trial];
    private byte[] _request = [];

    [GlobalSetup]
    public void Setup() => _request = Encoding.UTF8.GetBytes(RlmRestBodies.AccessRequest("mem_0123456789@example.com"));

    [Benchmark]
    public string? ParseRequest() => RadiusAttributes.Parse(_request).String("User-Name");

    [Benchmark]
    public int DecideTermsAndWriteReply()
    {
        var access = AccessGroupMerger.Merge(_groups);
        var schedule = AccessSchedule.Evaluate(access, Now, Berlin);
        var cycle = BillingCycle.Containing(new DateOnly(2026, 1, 31), Now, Berlin);
        long? remaining = (long)(access.HoursPerCycle!.Value * 3600) - 1800;
        var timeout = SessionTimeout.For(access, remaining, schedule.WindowEnd, Now, 3600);
        var reply = RadiusReply.For("p%a{s}s\"w0rd", access, timeout);
        return JsonSerializer.SerializeToUtf8Bytes(reply).Length + cycle.Key.Length;
    }
}
