using System.Text.Json;
using CoworkSync.Administration.DeadLetters;

namespace CoworkSync.UnitTests.Administration.DeadLetters;

public sealed class SecretRedactionTests
{
    [Fact]
    public void ValuesNamedLikeSecrets_AreHidden_AtAnyDepth_AndTheRestKept()
    {
        var json = JsonSerializer.SerializeToElement(new
        {
            member = "mem_1",
            api_key = "k-123",
            nested = new { Password = "p", list = new object[] { new { webhookSecret = "s", note = "fine" } } },
            accessToken = "t",
        });

        var text = SecretRedaction.Redact(json).GetRawText();

        Assert.DoesNotContain("k-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"p\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"s\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"t\"", text, StringComparison.Ordinal);
        Assert.Contains("mem_1", text, StringComparison.Ordinal);
        Assert.Contains("fine", text, StringComparison.Ordinal);
        Assert.Contains(SecretRedaction.Hidden, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("X-Signature", true)]
    [InlineData("private_key", true)]
    [InlineData("member", false)]
    [InlineData("plan", false)]
    public void IsSecretName(string name, bool secret) => Assert.Equal(secret, SecretRedaction.IsSecretName(name));
}
