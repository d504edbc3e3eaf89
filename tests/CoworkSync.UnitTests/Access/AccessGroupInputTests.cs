using System.Text.Json;
using CoworkSync.Access;

namespace CoworkSync.UnitTests.Access;

public sealed class AccessGroupInputTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Validate_AFullBody_HasNoErrors_AndBecomesTheGroup()
    {
        var input = Parse("""
            {"displayName":" Night owls ","hoursPerCycle":12.5,
             "timeWindows":{"monday":[{"start":"18:00","end":"24:00"}],"Tuesday":[{"start":"00:00","end":"06:00"}],"sunday":[]},
             "sessionTimeoutCapSeconds":3600,"acctInterimIntervalSeconds":120,"bandwidthDownKbps":20000,"bandwidthUpKbps":5000,
             "vlanId":42,"maxConcurrentSessions":2,"priority":15,"capsOthers":true,"extraReplyAttributes":{"Idle-Timeout":"600"}}
            """);

        Assert.Empty(input.Validate());
        var group = input.ToAccessGroup("night-owls");
        Assert.Equal("Night owls", group.DisplayName);
        Assert.Equal(12.5, group.HoursPerCycle);
        Assert.Equal("18:00–24:00", Assert.Single(group.TimeWindows![DayOfWeek.Monday]).ToString());
        Assert.True(Assert.Single(group.TimeWindows[DayOfWeek.Monday]).EndsAtMidnight);
        Assert.Equal("00:00–06:00", Assert.Single(group.TimeWindows[DayOfWeek.Tuesday]).ToString());
        Assert.Empty(group.TimeWindows[DayOfWeek.Sunday]);
        Assert.Equal((3600, 120, 20000, 5000, 42, 2, 15, true),
            (group.SessionTimeoutCapSeconds, group.AcctInterimIntervalSeconds, group.BandwidthDownKbps, group.BandwidthUpKbps, group.VlanId, group.MaxConcurrentSessions, group.Priority, group.CapsOthers));
        Assert.Equal("600", group.ExtraReplyAttributes["idle-timeout"]);
    }

    [Fact]
    public void ToAccessGroup_OmittedValues_TakeTheirDefaults()
    {
        var group = Parse("""{"displayName":"Open"}""").ToAccessGroup("open");

        Assert.Null(group.HoursPerCycle);
        Assert.Null(group.TimeWindows);
        Assert.Null(group.SessionTimeoutCapSeconds);
        Assert.Equal(300, group.AcctInterimIntervalSeconds);
        Assert.Null(group.BandwidthDownKbps);
        Assert.Null(group.VlanId);
        Assert.Null(group.MaxConcurrentSessions);
        Assert.Equal(0, group.Priority);
        Assert.False(group.CapsOthers);
        Assert.Empty(group.ExtraReplyAttributes);
    }

    [Theory]
    [InlineData("""{"hoursPerCycle":5}""", "displayName")]
    [InlineData("""{"displayName":"  "}""", "displayName")]
    [InlineData("""{"displayName":"x","hoursPerCycle":0}""", "hoursPerCycle")]
    [InlineData("""{"displayName":"x","hoursPerCycle":-1}""", "hoursPerCycle")]
    [InlineData("""{"displayName":"x","hoursPerCycle":745}""", "hoursPerCycle")]
    [InlineData("""{"displayName":"x","timeWindows":{"funday":[]}}""", "timeWindows.funday")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":null}}""", "timeWindows.monday")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":[null]}}""", "timeWindows.monday[0]")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":[{"start":"8:00","end":"20:00"}]}}""", "timeWindows.monday[0].start")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":[{"start":"24:00","end":"20:00"}]}}""", "timeWindows.monday[0].start")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":[{"start":"08:00"}]}}""", "timeWindows.monday[0].end")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":[{"start":"08:00","end":"25:00"}]}}""", "timeWindows.monday[0].end")]
    [InlineData("""{"displayName":"x","timeWindows":{"friday":[{"start":"09:00","end":"10:00"},{"start":"22:00","end":"02:00"}]}}""", "timeWindows.friday[1].end")]
    [InlineData("""{"displayName":"x","timeWindows":{"friday":[{"start":"10:00","end":"10:00"}]}}""", "timeWindows.friday[0].end")]
    [InlineData("""{"displayName":"x","timeWindows":{"monday":[],"Monday":[]}}""", "timeWindows.Monday")]
    [InlineData("""{"displayName":"x","sessionTimeoutCapSeconds":59}""", "sessionTimeoutCapSeconds")]
    [InlineData("""{"displayName":"x","acctInterimIntervalSeconds":0}""", "acctInterimIntervalSeconds")]
    [InlineData("""{"displayName":"x","bandwidthDownKbps":0}""", "bandwidthDownKbps")]
    [InlineData("""{"displayName":"x","bandwidthUpKbps":-5}""", "bandwidthUpKbps")]
    [InlineData("""{"displayName":"x","vlanId":4095}""", "vlanId")]
    [InlineData("""{"displayName":"x","vlanId":0}""", "vlanId")]
    [InlineData("""{"displayName":"x","maxConcurrentSessions":0}""", "maxConcurrentSessions")]
    [InlineData("""{"displayName":"x","priority":1001}""", "priority")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"Session-Timeout":"60"}}""", "extraReplyAttributes.Session-Timeout")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"tunnel-private-group-id":"7"}}""", "extraReplyAttributes.tunnel-private-group-id")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"Some-Password":"x"}}""", "extraReplyAttributes.Some-Password")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"control:Auth-Type":"Accept"}}""", "extraReplyAttributes.control:Auth-Type")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"Idle-Timeout":""}}""", "extraReplyAttributes.Idle-Timeout")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"Idle-Timeout":null}}""", "extraReplyAttributes.Idle-Timeout")]
    [InlineData("""{"displayName":"x","extraReplyAttributes":{"Reply-Message":"a\nb"}}""", "extraReplyAttributes.Reply-Message")]
    public void Validate_InvalidValue_NamesTheField(string json, string field)
    {
        var errors = Parse(json).Validate();

        Assert.Equal(field, Assert.Single(errors).Field);
        Assert.False(string.IsNullOrWhiteSpace(errors[0].Reason));
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        var errors = Parse("""{"hoursPerCycle":0,"vlanId":9999}""").Validate();

        Assert.Equal(["displayName", "hoursPerCycle", "vlanId"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("flex", true)]
    [InlineData("night-owl", true)]
    [InlineData("a1", true)]
    [InlineData("x", false)]
    [InlineData("Flex", false)]
    [InlineData("-flex", false)]
    [InlineData("flex-", false)]
    [InlineData("flex_2", false)]
    [InlineData("a/b", false)]
    public void IsValidGroupId_AcceptsLowercaseSlugsOnly(string id, bool valid) =>
        Assert.Equal(valid, AccessGroupInput.IsValidGroupId(id));

    [Fact]
    public void EntityMapper_RoundTripsEveryValue()
    {
        var group = Parse("""
            {"displayName":"Night owls","hoursPerCycle":40,
             "timeWindows":{"monday":[{"start":"08:00","end":"12:00"},{"start":"18:00","end":"24:00"}],"sunday":[]},
             "sessionTimeoutCapSeconds":3600,"acctInterimIntervalSeconds":120,"bandwidthDownKbps":20000,
             "vlanId":42,"maxConcurrentSessions":2,"priority":-3,"capsOthers":true,"extraReplyAttributes":{"Idle-Timeout":"600"}}
            """).ToAccessGroup("night-owls");

        var read = AccessGroupEntityMapper.FromEntity(AccessGroupEntityMapper.ToEntity(group, DateTimeOffset.UnixEpoch));

        Assert.Equal(JsonSerializer.Serialize(TimeWindowsJson.From(group.TimeWindows)), JsonSerializer.Serialize(TimeWindowsJson.From(read.TimeWindows)));
        Assert.Equal(group with { TimeWindows = null, ExtraReplyAttributes = read.ExtraReplyAttributes }, read with { TimeWindows = null });
        Assert.Equal("600", read.ExtraReplyAttributes["IDLE-TIMEOUT"]);
        Assert.Null(AccessGroupEntityMapper.FromEntity(AccessGroupEntityMapper.ToEntity(AccessGroupDefaults.FullTime, DateTimeOffset.UnixEpoch)).TimeWindows);
    }

    private static AccessGroupInput Parse(string json) => JsonSerializer.Deserialize<AccessGroupInput>(json, Web)!;
}
