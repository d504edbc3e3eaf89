using System.Text;
using CoworkSync.NetworkAccess;

namespace CoworkSync.UnitTests.NetworkAccess;

public sealed class RadiusAttributesTests
{
    private const string Accounting = """
        {"User-Name":{"type":"string","value":["ada@example.com"]},
         "Acct-Status-Type":{"type":"integer","value":["Interim-Update"]},
         "Acct-Session-Time":{"type":"integer","value":[1234]},
         "NAS-Port":{"type":"integer","value":["7"]},
         "Acct-Unique-Session-Id":{"type":"string","value":["5534673f"]},
         "Class":{"type":"octets","value":["a","b"]}}
        """;

    [Fact]
    public void Parse_RlmRestJson_ReadsStringsIntegersAndEnumerations()
    {
        var attributes = RadiusAttributes.Parse(Encoding.UTF8.GetBytes(Accounting));

        Assert.Equal("ada@example.com", attributes.String("User-Name"));
        Assert.Equal(AccountingStatus.InterimUpdate, AccountingStatuses.Parse(attributes.String("Acct-Status-Type")));
        Assert.Equal(1234, attributes.Integer("Acct-Session-Time"));
        Assert.Equal(7, attributes.Integer("NAS-Port"));
        Assert.Equal("a", attributes.String("Class"));
        Assert.Null(attributes.String("Called-Station-Id"));
    }

    [Fact]
    public void Parse_AttributeNames_AreCaseInsensitive() =>
        Assert.Equal("bob", RadiusAttributes.Parse("""{"user-name":{"value":["bob"]}}"""u8).String("User-Name"));

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Parse_NotAnAttributeObject_Throws(string body) =>
        Assert.Throws<RadiusRequestException>(() => RadiusAttributes.Parse(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("Start", AccountingStatus.Start)]
    [InlineData("2", AccountingStatus.Stop)]
    [InlineData("Accounting-On", AccountingStatus.AccountingOn)]
    [InlineData("Accounting-Off", AccountingStatus.AccountingOff)]
    [InlineData("Bogus", AccountingStatus.Unknown)]
    public void AccountingStatuses_ParseNamesAndNumbers(string value, AccountingStatus expected) =>
        Assert.Equal(expected, AccountingStatuses.Parse(value));

    [Fact]
    public void AValueLongerThanAnyRadiusAttribute_IsRefused_OneAtTheLimitIsNot()
    {
        // A NAS-Identifier of 10,000 characters once reached the session index as a table key and failed with a 500.
        var atLimit = new string('n', RadiusAttributes.MaxValueBytes);

        var attributes = RadiusAttributes.Parse(Encoding.UTF8.GetBytes($$$"""{"NAS-Identifier":{"value":["{{{atLimit}}}"]}}"""));

        Assert.Equal(atLimit, attributes.String("NAS-Identifier"));
        Assert.Throws<RadiusRequestException>(() => RadiusAttributes.Parse(Encoding.UTF8.GetBytes($$$"""{"User-Name":{"value":["{{{atLimit}}}é"]}}""")));
    }
}
