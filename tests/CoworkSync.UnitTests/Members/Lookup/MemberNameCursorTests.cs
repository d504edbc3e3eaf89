using CoworkSync.Members.Lookup;

namespace CoworkSync.UnitTests.Members.Lookup;

public sealed class MemberNameCursorTests
{
    [Theory]
    [InlineData("berlin-mitte", "ada lovelace|mem_1")]
    [InlineData("c", "zoë|%2Fweird%7Cid")]
    public void ACursor_ReadsBackAsItWasWritten(string connectorId, string rowKey)
    {
        var text = new MemberNameCursor(connectorId, rowKey).ToString();

        Assert.True(MemberNameCursor.TryParse(text, out var read));
        Assert.Equal(new MemberNameCursor(connectorId, rowKey), read);
        Assert.DoesNotContain(text, c => c is '+' or '/' or '=' or '&' or '?');
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("YQ")] // "a": no separator
    [InlineData("CmE")] // "\na": no connector
    [InlineData("YQo")] // "a\n": no row
    [InlineData("YQphCmI")] // "a\na\nb": a control character in the row
    [InlineData("_-8")] // not UTF-8
    public void AnythingElse_IsNotACursor(string? text)
    {
        Assert.False(MemberNameCursor.TryParse(text, out var cursor));
        Assert.Null(cursor);
    }
}
