using CoworkSync.MemberPortal.SignInLinks;

namespace CoworkSync.UnitTests.MemberPortal;

public sealed class SignInLinkLimitsTests
{
    [Fact]
    public void AWindow_StartsAtTheTopOfItsHour_AndTheNextStartsAnHourLater()
    {
        var hour = TimeSpan.FromHours(1);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), SignInLinkLimits.WindowStart(new DateTimeOffset(2026, 12, 7, 10, 59, 59, TimeSpan.Zero), hour));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero), SignInLinkLimits.WindowStart(new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero), hour));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 45, 0, TimeSpan.Zero), SignInLinkLimits.WindowStart(new DateTimeOffset(2026, 12, 7, 10, 59, 0, TimeSpan.Zero), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void EmailKeys_IgnoreCaseAndSpaces_AndNeverHoldTheAddress()
    {
        Assert.Equal(EmailKeys.Hash(EmailKeys.Normalize(" Ada@Example.com ")), EmailKeys.Hash(EmailKeys.Normalize("ada@example.com")));
        Assert.DoesNotContain("@", EmailKeys.Hash("ada@example.com"), StringComparison.Ordinal);
        Assert.Equal(64, EmailKeys.Hash("x").Length);
    }
}
