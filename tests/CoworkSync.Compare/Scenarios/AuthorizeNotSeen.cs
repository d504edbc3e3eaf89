using System.Net;
using System.Text;
using System.Text.Json;
using CoworkSync.Compare.Load;
using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Seed;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// Authorize, a member not seen recently: each request a different member, in turn among the synced members of the
/// large world (a member comes back only after all the others), against the storage ceiling making the same two point
/// reads. Their passwords are unknown (no welcome emails), so FreeRADIUS rejects each request after the backend's 200:
/// the same work on both sides. A check first proves CoworkSync answers 200 (allowed) for these members. The storage
/// ceiling also runs in the small world, to show whether Azurite itself slows with the table's size.
/// </summary>
public static class AuthorizeNotSeen
{
    public const string WrongPassword = "not-the-password";

    public static async Task<(Figure Large, Figure SmallCeiling, Figure LargeCeiling)> RunAsync(Bench bench)
    {
        var o = bench.Options;
        var members = o.SyncUnchangedMembers;
        await CheckAllowedAsync(bench.Large, Enumerable.Range(0, 20).Select(i => BenchSpace.Sync.Username(i * (members / 20))));

        Trial Create(string name, World world, bool ceiling, Func<int, string> username) => RadclientTrial.Create(name,
            ceiling ? world.RadiusToCeiling : world.RadiusToApp,
            ceiling ? [world.CeilingCpu, world.AzuriteCpu, world.RadiusToCeilingCpu] : [world.AppCpu, world.AzuriteCpu, world.RadiusToAppCpu],
            "auth", expectAccept: false, o.RadclientParallel, o.WarmUpRequests, o.RunTime,
            (count, offset) => RadiusRequestFiles.Authorize(bench.Scratch, count, 1, i => (username(offset + i), WrongPassword)));
        var app = Create($"CoworkSync ({bench.Large.Name})", bench.Large, false, i => BenchSpace.Sync.Username(i % members));
        var ceiling = Create($"storage ceiling ({bench.Large.Name})", bench.Large, true, i => BenchSpace.Sync.Username(i % members));
        var smallCeiling = Create($"storage ceiling ({bench.Small.Name})", bench.Small, true, i => BenchSpace.Bench.Username(i % o.BenchMembers));

        Console.Error.WriteLine("==> Authorize, a member not seen recently");
        var samples = await Interleaved.RunAsync(o.Rounds, app, ceiling, smallCeiling);
        var ours = Figure.Of(samples[app.Name]);
        var theirs = Figure.Of(samples[ceiling.Name]);
        bench.Table.Add(new Row($"Authorize, a member not seen recently (each request another of {o.Label(members)} members, among {bench.LargeLabel} accounts)",
            Format.Rate(ours), "storage ceiling (2 point reads): " + Format.Rate(theirs), Format.Ratio(ours.PerSecond, theirs.PerSecond),
            "≥ 0.80", Format.Cpu(ours), Format.Cpu(theirs)));
        return (ours, Figure.Of(samples[smallCeiling.Name]), theirs);
    }

    /// <summary>rlm_rest's request straight to CoworkSync: each member must be allowed (200), or the load would measure refusals.</summary>
    private static async Task CheckAllowedAsync(World world, IEnumerable<string> usernames)
    {
        foreach (var username in usernames)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["User-Name"] = Attribute(username),
                ["NAS-Identifier"] = Attribute(RadiusRequestFiles.NasIdentifier),
                ["Called-Station-Id"] = Attribute(RadiusRequestFiles.CalledStation),
            });
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await world.Admin.Http.PostAsync("/api/radius/authorize", content);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"CoworkSync answered {(int)response.StatusCode} to authorize {username}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static object Attribute(string value) => new Dictionary<string, object> { ["type"] = "string", ["value"] = new[] { value } };
}
