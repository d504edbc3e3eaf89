using CoworkSync.Connectors.Seam;
using CoworkSync.MemberPortal.Accounts;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.MemberPortal;

public sealed class AccountStateTextTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset CycleEnd = new(2026, 12, 31, 23, 0, 0, TimeSpan.Zero); // midnight in Berlin

    [Fact]
    public void AnEnabledAccountWithHoursLeft_IsOn() =>
        Assert.Equal(new AccountState(true, "Your WiFi access is on."), AccountStateText.For(Member(null), Account(enabled: true), Usage(remaining: 3600), Berlin));

    [Fact]
    public void AnUnlimitedEnabledAccount_IsOn() =>
        Assert.True(AccountStateText.For(Member(null), Account(enabled: true), Usage(remaining: null), Berlin).CanConnect);

    [Fact]
    public void HoursUsedUp_SaysUntilWhenInTheMembersZone()
    {
        var state = AccountStateText.For(Member(null), Account(enabled: true), Usage(remaining: 0), Berlin);

        Assert.False(state.CanConnect);
        Assert.Equal("Your WiFi access is on, but this billing period's hours are used up until Friday 1 January 2027.", state.Text);
    }

    [Theory]
    [InlineData(AccessReasons.MembershipEnded, "Your WiFi access is off: your membership has ended.")]
    [InlineData(AccessReasons.MemberSuspended, "Your WiFi access is off: your membership is suspended. The space's staff can tell you why.")]
    [InlineData(AccessReasons.PlanWithoutWifi, "Your WiFi access is off: your plan does not include WiFi.")]
    [InlineData("something new", "Your WiFi access is off: something new.")]
    public void ADisabledAccount_SaysWhyInPlainWords(string reason, string text) =>
        Assert.Equal(new AccountState(false, text), AccountStateText.For(Member(reason), Account(enabled: false, reason), null, Berlin));

    [Theory]
    [InlineData(AccessReasons.PlanWithoutWifi, "You have no WiFi account here: your plan does not include WiFi.")]
    [InlineData(AccessReasons.MembershipPending, "You have no WiFi account here: your membership has not started yet.")]
    [InlineData(null, "You have no WiFi account here: you have no membership at this space.")]
    public void NoAccount_SaysWhy(string? reason, string text) =>
        Assert.Equal(new AccountState(false, text), AccountStateText.For(Member(reason), null, null, Berlin));

    private static MemberRecord Member(string? reason) => new()
    {
        ConnectorId = "berlin",
        Platform = new PlatformMember { MemberId = "mem_1", Status = MemberStatus.Active, UpdatedAt = DateTimeOffset.UnixEpoch },
        Reason = reason,
    };

    private static WifiAccount Account(bool enabled, string? reason = null) => new()
    {
        Username = "ada@example.com",
        ConnectorId = "berlin",
        MemberId = "mem_1",
        ProtectedPassword = "v1:x",
        Enabled = enabled,
        DisabledReason = reason,
    };

    private static UsageSummary Usage(long? remaining) => new(CycleEnd.AddMonths(-1), CycleEnd, 3600, remaining is null ? null : 40, remaining, 0);
}
