using System.Text.Json.Nodes;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.UnitTests.Platforms.Coworks;

public sealed class CoworksWebhookParserTests
{
    [Fact]
    public void Parse_FullEvent_ReadsEveryField()
    {
        var parsed = CoworksWebhookParser.Parse(CoworksSamples.Bytes(CoworksSamples.FullEvent));

        Assert.Equal("evt_1", parsed.Id);
        Assert.Equal(CoworksEventType.MembershipActivated, parsed.Type);
        Assert.Equal("membership.activated", parsed.TypeName);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 30, 5, TimeSpan.Zero), parsed.CreatedAt);
        Assert.Equal("spc_123", parsed.SpaceId);
        Assert.Equal("mem_42", parsed.Member.Id);
        Assert.Equal("Ada", parsed.Member.FirstName);
        Assert.Equal("Lovelace", parsed.Member.LastName);
        Assert.Equal("ada@example.com", parsed.Member.Email);
        Assert.Equal("active", parsed.Member.Status);
        Assert.Equal("loc_1", parsed.Member.LocationId);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.FromHours(1)), parsed.Member.UpdatedAt);
        var membership = Assert.IsType<CoworksMembership>(parsed.Membership);
        Assert.Equal("ms_7", membership.Id);
        Assert.Equal("active", membership.Status);
        Assert.Equal("pln_flex", membership.Plan?.Id);
        Assert.Equal("Flex", membership.Plan?.Name);
        Assert.Equal(new DateOnly(2026, 11, 1), membership.StartsOn);
        Assert.Null(membership.EndsOn);
        Assert.Equal(new DateOnly(2026, 11, 1), membership.BillingCycleAnchor);
    }

    [Theory]
    [InlineData("member.created", CoworksEventType.MemberCreated)]
    [InlineData("member.updated", CoworksEventType.MemberUpdated)]
    [InlineData("membership.activated", CoworksEventType.MembershipActivated)]
    [InlineData("membership.ended", CoworksEventType.MembershipEnded)]
    public void Parse_EachDocumentedType_IsRecognised(string type, CoworksEventType expected)
    {
        var json = CoworksSamples.Event();
        json["type"] = type;

        Assert.Equal(expected, CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)).Type);
    }

    [Fact]
    public void Parse_MembershipNull_HasNoMembership()
    {
        var json = CoworksSamples.Event();
        json["type"] = "member.updated";
        json["data"]!["membership"] = null;

        var parsed = CoworksWebhookParser.Parse(CoworksSamples.Bytes(json));

        Assert.Null(parsed.Membership);
        Assert.Equal("mem_42", parsed.Member.Id);
    }

    [Fact]
    public void Parse_MembershipAbsent_HasNoMembership()
    {
        var json = CoworksSamples.Event();
        json["data"]!.AsObject().Remove("membership");

        Assert.Null(CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)).Membership);
    }

    [Fact]
    public void Parse_UnknownProperties_AreIgnored()
    {
        var json = CoworksSamples.Event();
        json["livemode"] = true;
        json["data"]!["member"]!["phone"] = "+44 20 0000 0000";

        Assert.Equal("evt_1", CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("   ")]
    [InlineData("{\"id\": \"evt_1\",}")]
    [InlineData("{\"id\":\"evt_1\",\"data\":{\"member\":{\"id\":")]
    [InlineData("{\"id\":\"evt_1\"} trailing")]
    public void Parse_BadJson_ThrowsNotValidJson(string body)
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(body)));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonNull_ThrowsNotAnEventObject()
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse("null"u8));

        Assert.Contains("JSON null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonArray_ThrowsNotAnObjectOfTheExpectedShape()
    {
        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse("[]"u8));

        Assert.Equal("The Coworks webhook body is not a JSON object of the expected shape.", ex.Message);
    }

    [Theory]
    [InlineData("id", "has no id")]
    [InlineData("type", "has no type")]
    [InlineData("created_at", "has no created_at")]
    [InlineData("space_id", "has no space_id")]
    [InlineData("data", "has no data")]
    public void Parse_MissingTopLevelField_ThrowsNamingIt(string field, string expected)
    {
        var json = CoworksSamples.Event();
        json.Remove(field);

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("space_id")]
    public void Parse_BlankOrNullIdentifier_ThrowsNamingIt(string field)
    {
        foreach (var value in new JsonNode?[] { null, JsonValue.Create(""), JsonValue.Create("  ") })
        {
            var json = CoworksSamples.Event();
            json[field] = value;

            var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

            Assert.Contains($"has no {field}", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_MissingMember_ThrowsNamingDataMember()
    {
        var json = CoworksSamples.Event();
        json["data"]!["member"] = null;

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.Equal("The Coworks webhook evt_1 has no data.member.", ex.Message);
    }

    [Fact]
    public void Parse_MissingMemberId_ThrowsNamingMemberId()
    {
        var json = CoworksSamples.Event();
        json["data"]!["member"]!.AsObject().Remove("id");

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.Equal("The Coworks webhook evt_1 has no data.member.id.", ex.Message);
    }

    [Theory]
    [InlineData("member.deleted")]
    [InlineData("Member.Created")]
    [InlineData("")]
    public void Parse_UnknownType_ThrowsNamingTheType(string type)
    {
        var json = CoworksSamples.Event();
        json["type"] = type;

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.Contains(type.Length == 0 ? "has no type" : $"unknown type '{type}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VeryLongUnknownType_MessageIsShortened()
    {
        var json = CoworksSamples.Event();
        json["type"] = new string('x', 10_000);

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.True(ex.Message.Length < 300, ex.Message);
    }

    [Theory]
    [InlineData("$.created_at", "yesterday")]
    [InlineData("$.created_at", "2026-13-01T00:00:00Z")]
    [InlineData("$.data.member.updated_at", "01/11/2026")]
    [InlineData("$.data.membership.starts_on", "2026-11-01T00:00:00Z")]
    [InlineData("$.data.membership.ends_on", "soon")]
    [InlineData("$.data.membership.billing_cycle_anchor", "2026-02-30")]
    public void Parse_BadDate_ThrowsNamingThePath(string path, string value)
    {
        var json = CoworksSamples.Event();
        var segments = path[2..].Split('.');
        var parent = segments[..^1].Aggregate((JsonNode)json, (node, name) => node[name]!);
        parent[segments[^1]] = value;

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.Contains($"bad date at {path}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumberWhereStringExpected_ThrowsNamingThePath()
    {
        var json = CoworksSamples.Event();
        json["data"]!["member"]!["id"] = 42;

        var ex = Assert.Throws<CoworksPayloadException>(() => CoworksWebhookParser.Parse(CoworksSamples.Bytes(json)));

        Assert.Contains("wrong type at $.data.member.id", ex.Message, StringComparison.Ordinal);
    }
}
