using CoworkSync.Platforms.Cobot;

namespace CoworkSync.UnitTests.Platforms.Cobot;

/// <summary>Records that hold a Cobot token print without it, should one ever end up in a log line or a message.</summary>
public sealed class CobotTokenRecordsTests
{
    private const string Token = "tok-4f1c2a9e7d";

    public static TheoryData<object> Records => new()
    {
        new CobotTokenResponse(Token),
        new CobotSpaceToken(Token),
        new CobotCheckInTokenRequest("m-1", Token),
        new CobotCheckInRecord(Token, new DateOnly(2026, 11, 24), null, null, null, null),
        new CobotConnection(new Uri("https://co-up.cobot.me/"), Token),
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void ToString_LeavesTheTokenOut(object record)
    {
        var text = record.ToString()!;

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.StartsWith(record.GetType().Name, text, StringComparison.Ordinal);
    }
}
