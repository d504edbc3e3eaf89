using System.Text;
using BenchmarkDotNet.Attributes;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.Benchmarks;

/// <summary>
/// The CPU work of a Coworks webhook and of the event it becomes: checking the signature over the raw bytes (two
/// secrets, as during a rotation, the right one second), parsing, and the access decision.
/// </summary>
[MemoryDiagnoser]
public class WebhookIntakeBenchmarks
{
    private const string Body = """
        {"id":"evt_1","type":"membership.activated","created_at":"2026-11-01T09:30:05Z","space_id":"spc_123",
         "data":{"member":{"id":"mem_42","first_name":"Ada","last_name":"Lovelace","email":"ada@example.com",
                           "status":"active","location_id":"loc_1","updated_at":"2026-11-01T09:30:00+01:00"},
                 "membership":{"id":"ms_7","status":"active","plan":{"id":"pln_flex","name":"Flex"},
                               "starts_on":"2026-11-01","ends_on":null,"billing_cycle_anchor":"2026-11-01"}}}
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 6, TimeSpan.Zero);
    private readonly string[] _secrets = ["whsec_previous_0123456789abcdef", "whsec_current_0123456789abcdef"];
    private readonly ConnectorSettings _settings = new();
    private readonly PlatformMember _member = new()
    {
        MemberId = "mem_42",
        Email = "ada@example.com",
        Status = MemberStatus.Active,
        MembershipStatus = MembershipStatus.Active,
        PlanId = "pln_flex",
        PlanName = "Flex",
        UpdatedAt = Now,
    };

    private byte[] _body = [];
    private string _header = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(Body);
        _header = CoworksSignature.Sign(_body, _secrets[1], Now.AddSeconds(-1));
    }

    [Benchmark]
    public CoworksSignatureResult VerifySignature() => CoworksSignature.Verify(_body, _header, _secrets, Now, CoworksSignature.DefaultTolerance);

    [Benchmark]
    public string? Parse() => CoworksWebhookParser.Parse(_body).Member.Id;

    [Benchmark]
    public bool DecideAccess() => AccessPolicy.Decide(_member, _settings, PlanMapping.Defaults, hasAccount: true).Enabled;
}
