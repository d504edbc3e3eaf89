using CoworkSync.Members.Records;

namespace CoworkSync.UnitTests.Members.Records;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Ada Lovelace", "ada lovelace")]
    [InlineData("  ADA   Lovelace ", "ada lovelace")]
    [InlineData("Antonín Dvořák", "antonin dvorak")]
    [InlineData("Zoë Ångström", "zoe angstrom")]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Łukasz Æbelø", "soren lukasz aebelo")]
    [InlineData("O'Brien-Smith", "o brien smith")]
    [InlineData("Lovelace, Ada", "lovelace ada")]
    [InlineData("ﬁona", "fiona")]
    [InlineData("Иван Петров", "иван петров")]
    [InlineData("/\\#?%\t\u0001", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Name_IsLowercaseWithoutAccents_WordsSeparatedByOneSpace(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Name(text));

    [Fact]
    public void Name_KeepsAtMostTheFirstHundredCharacters_WithoutATrailingSpace()
    {
        var name = SearchText.Name(new string('a', 99) + " bcd");

        Assert.Equal(new string('a', 99), name);
        Assert.Equal(SearchText.MaxNameLength, SearchText.Name(new string('x', 500)).Length);
    }

    [Theory]
    [InlineData(" Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Email_IsTrimmedAndLowercased(string? text, string? expected) =>
        Assert.Equal(expected, SearchText.Email(text));

    [Fact]
    public void Email_LongerThanAnyAddress_IsNotAKey()
    {
        Assert.NotNull(SearchText.Email(new string('a', 242) + "@example.com"));
        Assert.Null(SearchText.Email(new string('a', 243) + "@example.com"));
    }
}
