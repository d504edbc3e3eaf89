using CoworkSync.Members.Accounts;

namespace CoworkSync.UnitTests.Members.Accounts;

public sealed class WifiPasswordGeneratorTests
{
    [Fact]
    public void Generate_NoLength_Returns14Characters()
    {
        Assert.Equal(14, WifiPasswordGenerator.Generate().Length);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(64)]
    public void Generate_Length_ReturnsThatManyCharacters(int length)
    {
        Assert.Equal(length, WifiPasswordGenerator.Generate(length).Length);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Generate_LengthBelow12_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WifiPasswordGenerator.Generate(length));
    }

    [Fact]
    public void Alphabet_HasNoAmbiguousOrTroublesomeCharacters()
    {
        foreach (var character in "0Oo1lI'\"`\\ _*,.;:|")
            Assert.DoesNotContain(character, WifiPasswordGenerator.Alphabet);
    }

    [Fact]
    public void Alphabet_IsLettersDigitsAndAFewSymbols_EachOnce()
    {
        var alphabet = WifiPasswordGenerator.Alphabet;

        Assert.Equal(alphabet.Length, alphabet.Distinct().Count());
        Assert.All(alphabet, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "#%+=?!".Contains(c), $"unexpected '{c}'"));
        Assert.Equal(24, alphabet.Count(char.IsAsciiLetterUpper));
        Assert.Equal(24, alphabet.Count(char.IsAsciiLetterLower));
        Assert.Equal(8, alphabet.Count(char.IsAsciiDigit));
    }

    [Fact]
    public void Generate_ManyPasswords_UseOnlyTheAlphabet()
    {
        for (var i = 0; i < 1_000; i++)
            Assert.All(WifiPasswordGenerator.Generate(), c => Assert.Contains(c, WifiPasswordGenerator.Alphabet));
    }

    [Fact]
    public void Generate_10000Passwords_AreDistinct()
    {
        var passwords = Enumerable.Range(0, 10_000).Select(_ => WifiPasswordGenerator.Generate()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, passwords.Count);
    }

    [Fact]
    public void Generate_ManyPasswords_UseEveryCharacterAtRoughlyEqualRates()
    {
        // 140,000 draws over 62 characters: about 2,258 each. A uniform draw stays within ±15% with overwhelming odds.
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 10_000; i++)
        {
            foreach (var c in WifiPasswordGenerator.Generate())
                counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var expected = 10_000.0 * WifiPasswordGenerator.DefaultLength / WifiPasswordGenerator.Alphabet.Length;
        Assert.Equal(WifiPasswordGenerator.Alphabet.Length, counts.Count);
        Assert.All(counts, pair => Assert.InRange(pair.Value, expected * 0.85, expected * 1.15));
    }
}
