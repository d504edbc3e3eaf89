using CoworkSync.State.Secrets;

namespace CoworkSync.UnitTests.State.Secrets;

public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("cobot-api-key")]
    [InlineData("connector-42-webhook-secret")]
    [InlineData("0-leading-digit")]
    public void Validate_ValidName_DoesNotThrow(string name)
    {
        SecretNames.Validate(name);

        Assert.True(SecretNames.IsValid(name));
    }

    [Fact]
    public void Validate_MaxLengthName_DoesNotThrow()
    {
        SecretNames.Validate(new string('a', SecretNames.MaxLength));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper-Case")]
    [InlineData("under_score")]
    [InlineData("dot.ted")]
    [InlineData("sla/sh")]
    [InlineData("spa ce")]
    [InlineData("é")]
    public void Validate_InvalidCharactersOrEmpty_ThrowsArgumentExceptionNamingTheRule(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => SecretNames.Validate(name));

        Assert.Equal("name", exception.ParamName);
        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 127 characters", exception.Message, StringComparison.Ordinal);
        Assert.Contains("lowercase letter", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => SecretNames.Validate(new string('a', SecretNames.MaxLength + 1)));
    }

    [Fact]
    public void Validate_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => SecretNames.Validate(null!));
    }

    [Fact]
    public void IsValid_Null_ReturnsFalse()
    {
        Assert.False(SecretNames.IsValid(null));
    }
}
