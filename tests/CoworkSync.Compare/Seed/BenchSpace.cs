namespace CoworkSync.Compare.Seed;

/// <summary>A Coworks space of generated members and the CoworkSync connector that syncs it.</summary>
public sealed record BenchSpace(string ConnectorId, string SpaceId, string MemberPrefix, bool WelcomeEmails)
{
    /// <summary>The members every load uses: their welcome emails give their passwords.</summary>
    public static readonly BenchSpace Bench = new("bench", "spc_bench", "b", WelcomeEmails: true);

    /// <summary>The members the sync figures are about (no welcome emails: the sync alone is timed).</summary>
    public static readonly BenchSpace Sync = new("sync", "spc_sync", "s", WelcomeEmails: false);

    public const string WebhookSecret = "whsec_bench_0123456789abcdef";

    public string Username(int index) => BenchMembers.Username(MemberPrefix, index);
}
