using CoworkSync.Administration.Audit;

namespace CoworkSync.UnitTests.Administration.Audit;

public sealed class AuditContinuationTests
{
    [Theory]
    [InlineData("2026-11", "1!8!abc")]
    [InlineData("2026-01", null)]
    public void EncodeThenDecode_GivesTheSamePlace(string month, string? tableToken)
    {
        var place = new AuditContinuation(month, tableToken);

        Assert.Equal(place, AuditContinuation.Decode(place.Encode()));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm8tYmFy")] // "no-bar"
    [InlineData("MjAyNi0xM3w")] // "2026-13|": not a month
    public void Decode_ATokenThisLogDidNotGive_IsNull(string token) => Assert.Null(AuditContinuation.Decode(token));

    [Fact]
    public void MonthOf_IsTheUtcMonth() =>
        Assert.Equal("2026-12", AuditContinuation.MonthOf(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1))));
}
