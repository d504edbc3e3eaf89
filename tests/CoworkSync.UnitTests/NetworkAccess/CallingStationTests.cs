using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class CallingStationTests
{
    [Theory]
    [InlineData("02-00-5e-10-00-01")]
    [InlineData("02:00:5E:10:00:01")]
    [InlineData("0200.5e10.0001")]
    [InlineData(" 02005E100001 ")]
    public void Normalize_OneDeviceWrittenAnyWay_IsTheSameId(string written) =>
        Assert.Equal("02005E100001", CallingStation.Normalize(written));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    public void Normalize_NoDevice_IsNull(string? written) =>
        Assert.Null(CallingStation.Normalize(written));
}
