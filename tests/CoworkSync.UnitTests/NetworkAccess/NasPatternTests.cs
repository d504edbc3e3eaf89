using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class NasPatternTests
{
    [Theory]
    [InlineData("mitte-ap-1", "mitte-ap-1", true)]
    [InlineData("mitte-ap-*", "MITTE-AP-17", true)]
    [InlineData("mitte-ap-*", "kreuzberg-ap-1", false)]
    [InlineData("*:Members", "AA-BB-CC-DD-EE-FF:Members", true)]
    [InlineData("*:Members", "AA-BB-CC-DD-EE-FF:Guests", false)]
    [InlineData("AA-BB-*-FF:*", "AA-BB-CC-DD-EE-FF:Members", true)]
    [InlineData("*", "anything", true)]
    [InlineData("mitte", "", false)]
    public void Matches_StarMatchesAnyRun(string pattern, string value, bool expected) =>
        Assert.Equal(expected, NasPattern.Matches(pattern, value));
}
