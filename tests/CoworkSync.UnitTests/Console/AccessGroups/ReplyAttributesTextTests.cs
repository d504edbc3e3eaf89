using CoworkSync.Functions.Console.AccessGroups;

namespace CoworkSync.UnitTests.Console.AccessGroups;

public sealed class ReplyAttributesTextTests
{
    [Fact]
    public void Parse_OneNameEqualsValuePerLine_BlankLinesAndSpacesIgnored()
    {
        var (attributes, errors) = ReplyAttributesText.Parse("Idle-Timeout = 600\r\n\r\n  Filter-Id=members  \nReply-Message = a = b\n");

        Assert.Empty(errors);
        Assert.Equal(
            new Dictionary<string, string?> { ["Idle-Timeout"] = "600", ["Filter-Id"] = "members", ["Reply-Message"] = "a = b" },
            attributes);
    }

    [Fact]
    public void Parse_NothingWritten_IsNoAttribute()
    {
        var (attributes, errors) = ReplyAttributesText.Parse("  \n ");

        Assert.Empty(errors);
        Assert.Empty(attributes);
    }

    [Theory]
    [InlineData("Idle-Timeout 600")]
    [InlineData("= 600")]
    public void Parse_ALineWithoutAName_IsAnErrorNamingTheLine(string line)
    {
        var (_, errors) = ReplyAttributesText.Parse($"Filter-Id = members\n{line}");

        var error = Assert.Single(errors);
        Assert.Equal("extraReplyAttributes", error.Field);
        Assert.Equal($"line 2 ('{line}') is not Name = value", error.Reason);
    }

    [Fact]
    public void Parse_ANameGivenTwice_IsAnErrorOfThatAttribute()
    {
        var (_, errors) = ReplyAttributesText.Parse("Idle-Timeout = 600\nIdle-Timeout = 900");

        var error = Assert.Single(errors);
        Assert.Equal(("extraReplyAttributes.Idle-Timeout", "is given twice"), (error.Field, error.Reason));
    }

    [Fact]
    public void Format_IsReadBackByParse()
    {
        var attributes = new Dictionary<string, string> { ["Idle-Timeout"] = "600", ["Filter-Id"] = "members" };

        var text = ReplyAttributesText.Format(attributes);

        Assert.Equal("Idle-Timeout = 600\nFilter-Id = members", text);
        Assert.Equal(attributes.ToDictionary(a => a.Key, a => (string?)a.Value), ReplyAttributesText.Parse(text).Attributes);
    }
}
