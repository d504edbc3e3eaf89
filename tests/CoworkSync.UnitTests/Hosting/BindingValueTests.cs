using System.Text;
using System.Text.Json;
using CoworkSync.Functions.Hosting.Invocation;

namespace CoworkSync.UnitTests.Hosting;

public sealed class BindingValueTests
{
    [Theory]
    [InlineData("\"\\\"abc\\\"\"", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("null", null)]
    public void AsString_RemovesTheQuotesTheHostAdds(string json, string? expected) =>
        Assert.Equal(expected, BindingValue.AsString(Parse(json)));

    [Theory]
    [InlineData("\"1\"", 1)]
    [InlineData("7", 7)]
    [InlineData("\"\\\"12\\\"\"", 12)]
    [InlineData("\"x\"", null)]
    public void AsInt_ReadsCountsSentAsStrings(string json, int? expected) =>
        Assert.Equal(expected, BindingValue.AsInt(Parse(json)));

    [Fact]
    public void AsTimestamp_ZonelessHostDate_IsUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 41, 20, TimeSpan.Zero), BindingValue.AsTimestamp(Parse("\"\\\"2026-11-23T07:41:20\\\"\"")));

    [Fact]
    public void AsBytes_Base64String_IsDecoded()
    {
        var bytes = new byte[] { 0, 1, 2, 250, 255 };
        Assert.Equal(bytes, BindingValue.AsBytes(Parse(JsonSerializer.Serialize(Convert.ToBase64String(bytes)))));
    }

    [Fact]
    public void AsBytes_JsonObject_IsTheJsonText() =>
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(BindingValue.AsBytes(Parse("{\"a\":1}"))));

    [Fact]
    public void AsBytes_StringHoldingJson_IsThatJson() =>
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(BindingValue.AsBytes(Parse(JsonSerializer.Serialize("{\"a\":1}")))));

    [Fact]
    public void AsBytes_DoubleSerializedString_IsUnwrappedOnce()
    {
        var twice = JsonSerializer.Serialize(JsonSerializer.Serialize("{\"a\":\"b\"}"));
        Assert.Equal("{\"a\":\"b\"}", Encoding.UTF8.GetString(BindingValue.AsBytes(Parse(twice))));
    }

    [Fact]
    public void AsStringMap_UnquotesValues_AndAcceptsAnObjectSentAsAString()
    {
        Assert.Equal("x", BindingValue.AsStringMap(Parse("{\"Reason\":\"\\\"x\\\"\"}"))["reason"]);
        Assert.Equal("y", BindingValue.AsStringMap(Parse(JsonSerializer.Serialize("{\"Reason\":\"y\"}")))["Reason"]);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
