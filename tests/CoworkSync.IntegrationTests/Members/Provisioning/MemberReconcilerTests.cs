using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Members.Provisioning;

/// <summary>Reconciliation of members into WiFi accounts, against real Table Storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberReconcilerTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);
    private readonly string _connector = "rec-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _email = $"ada.{Guid.NewGuid():N}@example.com";

    private MemberReconciler Reconciler => _app.Services.GetRequiredService<MemberReconciler>();

    [Fact]
    public async Task NewActiveMember_GetsAnEnabledAccountInThePlansGroup_WithARecoverablePassword()
    {
        var result = await ReconcileAsync(Member());

        Assert.Equal(ReconcileOutcome.Created, result.Outcome);
        var account = result.Account!;
        Assert.Equal(_email, account.Username);
        Assert.True(account.Enabled);
        Assert.Equal(["flex"], account.Groups);
        var password = await _app.Services.GetRequiredService<IPasswordProtector>().UnprotectAsync(account.ProtectedPassword, account.Username, CancellationToken.None);
        Assert.True(password.Length >= 12);
        Assert.DoesNotContain(password, account.ProtectedPassword, StringComparison.Ordinal);
        var stored = await _app.Services.GetRequiredService<AccountStore>().GetAsync(_email, CancellationToken.None);
        Assert.Equal(account.ProtectedPassword, stored!.ProtectedPassword);
    }

    [Fact]
    public async Task SameStateAgain_ChangesNothing()
    {
        await ReconcileAsync(Member());

        var again = await ReconcileAsync(Member());

        Assert.Equal(ReconcileOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task EndedMembership_DisablesTheAccount_KeepingItsPassword_AndReactivationRestoresIt()
    {
        var created = await ReconcileAsync(Member());

        var ended = await ReconcileAsync(Member(T0.AddMinutes(1)) with { MembershipStatus = MembershipStatus.Ended });
        var back = await ReconcileAsync(Member(T0.AddMinutes(2)));

        Assert.Equal(ReconcileOutcome.Disabled, ended.Outcome);
        Assert.False(ended.Account!.Enabled);
        Assert.Equal(AccessReasons.MembershipEnded, ended.Account.DisabledReason);
        Assert.Equal(ReconcileOutcome.Enabled, back.Outcome);
        Assert.Equal(created.Account!.ProtectedPassword, back.Account!.ProtectedPassword);
    }

    [Fact]
    public async Task PlanChange_ChangesTheGroup()
    {
        await ReconcileAsync(Member());

        var changed = await ReconcileAsync(Member(T0.AddMinutes(1)) with { PlanId = "pln_dedicated", PlanName = "Dedicated" });

        Assert.Equal(ReconcileOutcome.Updated, changed.Outcome);
        Assert.Equal(["dedicated"], changed.Account!.Groups);
    }

    [Fact]
    public async Task OlderState_NeverOverwritesNewer()
    {
        await ReconcileAsync(Member(T0));
        await ReconcileAsync(Member(T0.AddMinutes(5)) with { MembershipStatus = MembershipStatus.Ended });

        var older = await ReconcileAsync(Member(T0.AddMinutes(1)));

        Assert.Equal(ReconcileOutcome.Stale, older.Outcome);
        Assert.False(older.Account!.Enabled);
        Assert.Equal(MembershipStatus.Ended, older.Member.Platform.MembershipStatus);
    }

    [Fact]
    public async Task VirtualOrUnmappedPlan_GetsNoAccount_WithTheReasonOnTheMember()
    {
        var virtualMember = await ReconcileAsync(Member() with { PlanId = "pln_virtual", PlanName = "Virtual" });
        var unmapped = await ReconcileAsync(Member() with { MemberId = "mem_other", PlanId = "pln_x", PlanName = "Night Owl" });

        Assert.Equal(ReconcileOutcome.Skipped, virtualMember.Outcome);
        Assert.Null(virtualMember.Account);
        Assert.Equal(AccessReasons.PlanWithoutWifi, virtualMember.Member.Reason);
        Assert.Equal(AccessReasons.PlanNotMapped, unmapped.Member.Reason);
    }

    [Fact]
    public async Task SecondMemberWithTheSameEmail_GetsAnotherUsername_NeverTheFirstOnesAccount()
    {
        var first = await ReconcileAsync(Member());

        var second = await ReconcileAsync(Member() with { MemberId = "mem_77" });

        Assert.Equal(_email, first.Account!.Username);
        Assert.Equal(ReconcileOutcome.Created, second.Outcome);
        Assert.NotEqual(_email, second.Account!.Username);
        Assert.Contains("+mem_77@", second.Account.Username, StringComparison.Ordinal);
        Assert.Contains(_email, second.Member.UsernameNote, StringComparison.Ordinal);
        var firstAgain = await _app.Services.GetRequiredService<AccountStore>().GetAsync(_email, CancellationToken.None);
        Assert.Equal("mem_42", firstAgain!.MemberId);
    }

    [Fact]
    public async Task ConcurrentReconcilesOfANewMember_CreateOneAccount()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReconcileAsync(Member())));

        Assert.Single(results.Select(r => r.Account!.Username).Distinct());
        Assert.Single(results.Select(r => r.Account!.ProtectedPassword).Distinct());
        Assert.All(results, r => Assert.True(r.Account!.Enabled));
    }

    [Fact]
    public async Task AnyOrderOfTheSameStates_EndsInTheNewestStatesAccess()
    {
        PlatformMember[] history =
        [
            Member(T0),
            Member(T0.AddMinutes(1)) with { PlanId = "pln_dedicated", PlanName = "Dedicated" },
            Member(T0.AddMinutes(2)) with { Status = MemberStatus.Suspended, PlanId = "pln_dedicated", PlanName = "Dedicated" },
            Member(T0.AddMinutes(3)) with { Status = MemberStatus.Trial, PlanId = "pln_full", PlanName = "Full-time" },
        ];
        var random = new Random(20261123);
        for (var round = 0; round < 6; round++)
        {
            var memberId = $"mem_order_{round}";
            var email = $"order{round}.{Guid.NewGuid():N}@example.com";
            var shuffled = history.Select(h => h with { MemberId = memberId, Email = email }).OrderBy(_ => random.Next()).ToList();
            var deliveries = shuffled.Concat(shuffled.Take(2)).ToList();

            foreach (var state in deliveries)
                await ReconcileAsync(state);

            var member = await _app.Services.GetRequiredService<MemberStore>().GetAsync(_connector, memberId, CancellationToken.None);
            var account = await _app.Services.GetRequiredService<AccountStore>().GetAsync(member!.Username!, CancellationToken.None);
            Assert.Equal(T0.AddMinutes(3), member.Platform.UpdatedAt);
            Assert.True(account!.Enabled);
            Assert.Equal(["fulltime", "trial"], account.Groups);
        }
    }

    [Fact]
    public async Task TheSameStateAgain_WritesNeitherTheMemberNorTheAccount()
    {
        var first = await ReconcileAsync(Member(), eventId: "evt_1");

        var repeat = await ReconcileAsync(Member(), eventId: "evt_2");

        Assert.Equal(ReconcileOutcome.Unchanged, repeat.Outcome);
        Assert.Equal(first.Member.ETag, (await StoredMemberAsync()).ETag);
        Assert.Equal(first.Account!.ETag, (await StoredAccountAsync()).ETag);
    }

    [Fact]
    public async Task ANewerVersionOfTheSameState_WritesOnlyTheMembersVersion_NotTheAccount()
    {
        var first = await ReconcileAsync(Member(T0), eventId: "evt_1");

        var newer = await ReconcileAsync(Member(T0.AddMinutes(5)), eventId: "evt_2");

        Assert.Equal(ReconcileOutcome.Unchanged, newer.Outcome);
        Assert.Equal(first.Account!.ETag, (await StoredAccountAsync()).ETag);
        var member = await StoredMemberAsync();
        Assert.Equal(T0.AddMinutes(5), member.Platform.UpdatedAt);
        Assert.Equal("evt_2", member.LastEventId);
    }

    [Fact]
    public async Task AnOlderDifferentState_ArrivingAfterANewerOneEqualToTheStoredState_LosesAndChangesNothing()
    {
        // Flex at T0, Dedicated at T0+1, Flex again at T0+2: the newest (Flex) arrives before the one in between.
        await ReconcileAsync(Member(T0), eventId: "evt_flex");
        var unchanged = await ReconcileAsync(Member(T0.AddMinutes(2)), eventId: "evt_flex_again");
        var account = await StoredAccountAsync();

        var late = await ReconcileAsync(Member(T0.AddMinutes(1)) with { PlanId = "pln_dedicated", PlanName = "Dedicated" }, eventId: "evt_dedicated");

        Assert.Equal(ReconcileOutcome.Unchanged, unchanged.Outcome);
        Assert.Equal(ReconcileOutcome.Stale, late.Outcome);
        Assert.Equal(["flex"], (await StoredAccountAsync()).Groups);
        Assert.Equal(account.ETag, (await StoredAccountAsync()).ETag);
        Assert.Equal(T0.AddMinutes(2), (await StoredMemberAsync()).Platform.UpdatedAt);
    }

    [Fact]
    public async Task AnOlderDifferentState_ReconciledAtTheSameMomentAsANewerUnchangedOne_NeverEndsInTheOlderAccess()
    {
        for (var round = 0; round < 5; round++)
        {
            var memberId = $"mem_race_{round}";
            var email = $"race{round}.{Guid.NewGuid():N}@example.com";
            await ReconcileAsync(Member(T0) with { MemberId = memberId, Email = email }, eventId: $"evt_{round}_a");

            await Task.WhenAll(
                ReconcileAsync(Member(T0.AddMinutes(2)) with { MemberId = memberId, Email = email }, eventId: $"evt_{round}_c"),
                ReconcileAsync(Member(T0.AddMinutes(1)) with { MemberId = memberId, Email = email, Status = MemberStatus.Suspended }, eventId: $"evt_{round}_b"));

            var member = await _app.Services.GetRequiredService<MemberStore>().GetAsync(_connector, memberId, CancellationToken.None);
            var account = await _app.Services.GetRequiredService<AccountStore>().GetAsync(member!.Username!, CancellationToken.None);
            Assert.Equal(T0.AddMinutes(2), member.Platform.UpdatedAt);
            Assert.True(account!.Enabled, $"round {round}: the older suspension won");
        }
    }

    private async Task<MemberRecord> StoredMemberAsync() =>
        (await _app.Services.GetRequiredService<MemberStore>().GetAsync(_connector, "mem_42", CancellationToken.None))!;

    private async Task<WifiAccount> StoredAccountAsync() =>
        (await _app.Services.GetRequiredService<AccountStore>().GetAsync(_email, CancellationToken.None))!;

    private Task<ReconcileResult> ReconcileAsync(PlatformMember member, string eventId) =>
        Reconciler.ReconcileAsync(new ReconcileRequest(_connector, member, new ConnectorSettings(), PlanMapping.Defaults, EventId: eventId), CancellationToken.None);

    private Task<ReconcileResult> ReconcileAsync(PlatformMember member) =>
        Reconciler.ReconcileAsync(new ReconcileRequest(_connector, member, new ConnectorSettings(), PlanMapping.Defaults), CancellationToken.None);

    private PlatformMember Member(DateTimeOffset? at = null) => new()
    {
        MemberId = "mem_42",
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = _email.ToUpperInvariant(),
        Status = MemberStatus.Active,
        MembershipStatus = MembershipStatus.Active,
        PlanId = "pln_flex",
        PlanName = "Flex",
        LocationId = "loc_1",
        BillingCycleAnchor = new DateOnly(2026, 11, 1),
        UpdatedAt = at ?? T0,
    };

    public void Dispose() => _app.Dispose();
}
