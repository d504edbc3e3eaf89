using CoworkSync.Access;
using CoworkSync.Administration.AccessGroups;
using CoworkSync.Functions.Console.AccessGroups;
using CoworkSync.Outcomes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoworkSync.UnitTests.Console.AccessGroups;

public sealed class AccessGroupFormTests
{
    [Fact]
    public void Of_AGroup_ThenToInput_GivesTheSameGroupBack()
    {
        var flex = AccessGroupView.From(new AccessGroupEntry(AccessGroupDefaults.Flex with
        {
            SessionTimeoutCapSeconds = 7200,
            VlanId = 120,
            HoursPerCycle = 12.5,
            ExtraReplyAttributes = new Dictionary<string, string> { ["Idle-Timeout"] = "600" },
        }, AccessGroupSource.Stored));

        var form = AccessGroupForm.Of(flex);
        var (input, errors) = form.ToInput();

        Assert.Empty(errors);
        Assert.Equal("08:00-20:00", form.Days[DayOfWeek.Monday]);
        Assert.Equal("", form.Days[DayOfWeek.Saturday]);
        Assert.Equal("12.5", form.HoursPerCycle);
        Assert.Empty(input!.Validate());
        var back = AccessGroupView.From(new AccessGroupEntry(input.ToAccessGroup(flex.Id), AccessGroupSource.Stored));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(flex), System.Text.Json.JsonSerializer.Serialize(back));
    }

    [Fact]
    public void AroundTheClock_SendsNoWindows_WhateverTheDaysSay()
    {
        var form = AccessGroupForm.Of(AccessGroupView.From(new AccessGroupEntry(AccessGroupDefaults.FullTime, AccessGroupSource.Default)));
        form.Days[DayOfWeek.Monday] = "not a window";

        var (input, errors) = form.ToInput();

        Assert.Equal(AccessGroupForm.AroundTheClock, form.Schedule);
        Assert.Empty(errors);
        Assert.Null(input!.TimeWindows);
    }

    [Fact]
    public void Read_ThePostedFields_EmptyNumbersNull_AnUncheckedBoxOff()
    {
        var posted = new FormCollection(new Dictionary<string, StringValues>
        {
            ["groupId"] = " night-owl ",
            ["displayName"] = "Night owl",
            ["schedule"] = "windows",
            ["timeWindows.monday"] = "18:00-24:00",
            ["timeWindows.tuesday"] = "00:00-02:00, 18:00-24:00",
            ["hoursPerCycle"] = "",
            ["priority"] = "5",
            ["acctInterimIntervalSeconds"] = "",
        });

        var form = AccessGroupForm.Read(posted);
        var (input, errors) = form.ToInput();

        Assert.Empty(errors);
        Assert.Equal("night-owl", form.GroupId);
        Assert.Equal([new TimeWindowJson("18:00", "24:00")], input!.TimeWindows!["monday"]!);
        Assert.Equal(2, input.TimeWindows["tuesday"]!.Count);
        Assert.False(input.TimeWindows.ContainsKey("sunday"));
        Assert.Equal((null, null, 5, false), (input.HoursPerCycle, input.AcctInterimIntervalSeconds, input.Priority, input.CapsOthers));
    }

    [Theory]
    [InlineData("hoursPerCycle", "forty")]
    [InlineData("hoursPerCycle", "12,5")]
    [InlineData("vlanId", "12.5")]
    [InlineData("maxConcurrentSessions", "three")]
    public void ToInput_TextThatIsNotANumber_IsAnErrorOfItsField(string field, string text)
    {
        var posted = new FormCollection(new Dictionary<string, StringValues> { ["displayName"] = "Flex", ["schedule"] = "always", [field] = text });

        var (input, errors) = AccessGroupForm.Read(posted).ToInput();

        Assert.Null(input);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Errors_ArePlacedAtTheFormsFields_ByWindowAndByAttribute()
    {
        ValidationError[] refused =
        [
            new("timeWindows.monday[1].end", "must be after start 20:00"),
            new("timeWindows.monday", "has 'x', which is not a window"),
            new("extraReplyAttributes.Session-Timeout", "is set by CoworkSync itself"),
            new("hoursPerCycle", "must be more than 0"),
            new("somethingElse", "is wrong"),
        ];

        var errors = new AccessGroupFormErrors(refused, ["timeWindows.monday", "extraReplyAttributes", "hoursPerCycle", "vlanId"]);

        Assert.Equal("window 2 end must be after start 20:00; has 'x', which is not a window", errors.For("timeWindows.monday"));
        Assert.Equal("Session-Timeout is set by CoworkSync itself", errors.For("extraReplyAttributes"));
        Assert.Equal("must be more than 0", errors.For("hoursPerCycle"));
        Assert.Null(errors.For("vlanId"));
        Assert.Equal("somethingElse", Assert.Single(errors.Unplaced()).Field);
    }
}
