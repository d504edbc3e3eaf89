using System.Security.Cryptography;
using System.Text;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.UnitTests.Platforms.Coworks;

public sealed class CoworksSignatureTests
{
    private const string Secret = "whsec_current";
    private const string PreviousSecret = "whsec_previous";
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = CoworksSignature.DefaultTolerance;
    private static readonly byte[] Body = CoworksSamples.Bytes(CoworksSamples.FullEvent);

    private static CoworksSignatureResult Verify(string? header, params string[] secrets) =>
        CoworksSignature.Verify(Body, header, secrets.Length == 0 ? [Secret] : secrets, Now, Tolerance);

    /// <summary>An independent computation of the documented scheme, to check Sign against.</summary>
    private static string ExpectedV1(byte[] body, string secret, long t)
    {
        var signed = Encoding.ASCII.GetBytes($"{t}.").Concat(body).ToArray();
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)).ToLowerInvariant();
    }

    [Fact]
    public void Sign_Body_ProducesTimestampAndLowercaseHmacOfTimestampDotBody()
    {
        var header = CoworksSignature.Sign(Body, Secret, Now);

        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v1={ExpectedV1(Body, Secret, Now.ToUnixTimeSeconds())}", header);
    }

    [Fact]
    public void Verify_SignedNow_Valid()
    {
        Assert.Equal(CoworksSignatureResult.Valid, Verify(CoworksSignature.Sign(Body, Secret, Now)));
    }

    [Fact]
    public void Verify_OneOfSeveralV1Values_Valid()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={ExpectedV1(Body, "whsec_other", t)},v1={ExpectedV1(Body, Secret, t)}";

        Assert.Equal(CoworksSignatureResult.Valid, Verify(header));
    }

    [Fact]
    public void Verify_SignedWithSecondSecret_Valid()
    {
        var header = CoworksSignature.Sign(Body, PreviousSecret, Now);

        Assert.Equal(CoworksSignatureResult.Valid, Verify(header, Secret, PreviousSecret));
    }

    [Fact]
    public void Verify_SpacesUppercaseHexAndUnknownScheme_Valid()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $" t={t} , v0=abc, v1={ExpectedV1(Body, Secret, t).ToUpperInvariant()} ,";

        Assert.Equal(CoworksSignatureResult.Valid, Verify(header));
    }

    [Fact]
    public void Verify_TimestampWithinToleranceEitherWay_Valid()
    {
        Assert.Equal(CoworksSignatureResult.Valid, Verify(CoworksSignature.Sign(Body, Secret, Now.AddSeconds(-300))));
        Assert.Equal(CoworksSignatureResult.Valid, Verify(CoworksSignature.Sign(Body, Secret, Now.AddSeconds(300))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_NoHeader_Missing(string? header)
    {
        Assert.Equal(CoworksSignatureResult.Missing, Verify(header));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1793525400")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-1793525400,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1793525400,t=1793525400,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1793525400,v1=00")]
    [InlineData("t=1793525400,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1793525400;v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1793525400,v1")]
    public void Verify_MalformedHeader_Malformed(string header)
    {
        Assert.Equal(CoworksSignatureResult.Malformed, Verify(header));
    }

    [Fact]
    public void Verify_TooManyV1Values_Malformed()
    {
        var header = $"t={Now.ToUnixTimeSeconds()}" + string.Concat(Enumerable.Repeat(",v1=" + new string('0', 64), 9));

        Assert.Equal(CoworksSignatureResult.Malformed, Verify(header));
    }

    [Fact]
    public void Verify_OlderThanTolerance_Stale()
    {
        Assert.Equal(CoworksSignatureResult.Stale, Verify(CoworksSignature.Sign(Body, Secret, Now.AddSeconds(-301))));
    }

    [Fact]
    public void Verify_FurtherInFutureThanTolerance_Stale()
    {
        Assert.Equal(CoworksSignatureResult.Stale, Verify(CoworksSignature.Sign(Body, Secret, Now.AddSeconds(301))));
    }

    [Fact]
    public void Verify_ConfiguredTolerance_IsUsed()
    {
        var header = CoworksSignature.Sign(Body, Secret, Now.AddSeconds(-60));

        Assert.Equal(CoworksSignatureResult.Stale, CoworksSignature.Verify(Body, header, [Secret], Now, TimeSpan.FromSeconds(30)));
        Assert.Equal(CoworksSignatureResult.Valid, CoworksSignature.Verify(Body, header, [Secret], Now, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Verify_TamperedBody_Mismatch()
    {
        var header = CoworksSignature.Sign(Body, Secret, Now);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;

        Assert.Equal(CoworksSignatureResult.Mismatch, CoworksSignature.Verify(tampered, header, [Secret], Now, Tolerance));
    }

    [Fact]
    public void Verify_ReserializedBody_Mismatch()
    {
        var header = CoworksSignature.Sign(Body, Secret, Now);
        var reserialized = CoworksSamples.Bytes(CoworksSamples.Event());

        Assert.Equal(CoworksSignatureResult.Mismatch, CoworksSignature.Verify(reserialized, header, [Secret], Now, Tolerance));
    }

    [Fact]
    public void Verify_WrongSecret_Mismatch()
    {
        Assert.Equal(CoworksSignatureResult.Mismatch, Verify(CoworksSignature.Sign(Body, "whsec_wrong", Now)));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_Mismatch()
    {
        var header = CoworksSignature.Sign(Body, Secret, Now).Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() - 1}", StringComparison.Ordinal);

        Assert.Equal(CoworksSignatureResult.Mismatch, Verify(header));
    }

    [Fact]
    public void Verify_NoSecrets_Throws()
    {
        Assert.Throws<ArgumentException>(() => CoworksSignature.Verify(Body, CoworksSignature.Sign(Body, Secret, Now), ["", ""], Now, Tolerance));
    }
}
