using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

/// <summary>The connector test compares Cobot's time zone name with the first location's: one zone under two names is the same.</summary>
public sealed class CobotTimeZoneCheckTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin", true)]
    [InlineData("europe/berlin", "Europe/Berlin", true)]
    [InlineData("Asia/Calcutta", "Asia/Kolkata", true)]
    [InlineData("Etc/UTC", "UTC", true)]
    [InlineData("America/New_York", "Europe/Berlin", false)]
    [InlineData("Europe/London", "Europe/Lisbon", false)]
    [InlineData("Berlin", "Europe/Berlin", false)]
    public void SameZone_IsTheSameNameOrAnAliasOfIt(string cobot, string location, bool same)
    {
        Assert.Equal(same, CobotTimeZoneCheck.SameZone(cobot, location));
    }
}
