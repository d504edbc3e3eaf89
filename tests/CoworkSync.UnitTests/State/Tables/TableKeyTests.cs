using CoworkSync.State.Tables;

namespace CoworkSync.UnitTests.State.Tables;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("evt_123", "evt_123")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b#c?d", "a%5Cb%23c%3Fd")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    public void Escape_ReplacesForbiddenCharacters(string raw, string expected) =>
        Assert.Equal(expected, TableKey.Escape(raw));

    [Theory]
    [InlineData("plain")]
    [InlineData("a/b\\c#d?e%f\u0001g\u007fh")]
    [InlineData("%2F already looks escaped")]
    [InlineData("trailing %")]
    public void Unescape_OfEscape_IsTheOriginal(string raw) =>
        Assert.Equal(raw, TableKey.Unescape(TableKey.Escape(raw)));

    [Fact]
    public void Escape_NeverLeavesAForbiddenCharacter()
    {
        var all = new string(Enumerable.Range(0, 256).Select(i => (char)i).ToArray());
        var escaped = TableKey.Escape(all);
        Assert.DoesNotContain(escaped, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }
}
