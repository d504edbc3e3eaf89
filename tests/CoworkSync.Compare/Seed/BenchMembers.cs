using System.Globalization;

namespace CoworkSync.Compare.Seed;

/// <summary>
/// The generated members, as tests/CoworkSync.Simulators' <c>space</c> command serves them (GeneratedMembers):
/// <c>{prefix}{index:D6}</c>, email (and so WiFi user name) <c>{id}@bench.example</c>, active on plan <c>pln_bench</c>
/// at location <c>loc_bench</c>, anchored on 2026-11-01.
/// </summary>
public static class BenchMembers
{
    public const string Domain = "bench.example";
    public const string LocationId = "loc_bench";
    public const string PlanId = "pln_bench";
    public const string PlanName = "Bench";
    public const string Group = "bench";
    public const string TimeZone = "Europe/Berlin";
    public const string NasIdentifier = "bench-ap-1";
    public const string UpdatedAt = "2026-11-01T00:00:00.0000000+00:00";
    public const string StartsOn = "2026-11-01";

    public static string Id(string prefix, int index) => prefix + index.ToString("D6", CultureInfo.InvariantCulture);

    public static string Username(string prefix, int index) => $"{Id(prefix, index)}@{Domain}";

    /// <summary>The key of the billing cycle now (members anchored on the 1st: the month's first day, Berlin time).</summary>
    public static string CycleKey(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        return new DateOnly(local.Year, local.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
