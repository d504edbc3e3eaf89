using CoworkSync.Access;

namespace CoworkSync.UnitTests.Access;

public sealed class BillingCycleTests
{
    public static TheoryData<string> ZoneIds => new() { "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata" };

    [Fact]
    public void Containing_MidCycle_RunsFromLocalMidnightOfTheAnchorDayToTheNextMonths()
    {
        var cycle = BillingCycle.Containing(new DateOnly(2026, 1, 15), Zones.Local(Zones.Berlin, 2026, 3, 20, 10), Zones.Berlin);

        Assert.Equal(Zones.Utc(2026, 3, 14, 23), cycle.Start);
        Assert.Equal(Zones.Utc(2026, 4, 14, 22), cycle.End);
        Assert.Equal(new DateOnly(2026, 3, 15), cycle.StartDate);
        Assert.Equal("2026-03-15", cycle.Key);
    }

    [Theory]
    // Anchor on the 31st: the last day of shorter months.
    [InlineData("2026-01-31", "2026-02-10", "2026-01-31", "2026-02-28")]
    [InlineData("2026-01-31", "2026-03-01", "2026-02-28", "2026-03-31")]
    [InlineData("2026-01-31", "2026-04-29", "2026-03-31", "2026-04-30")]
    [InlineData("2026-01-31", "2026-04-30", "2026-04-30", "2026-05-31")]
    [InlineData("2026-01-31", "2026-12-31", "2026-12-31", "2027-01-31")]
    // Anchors on the 30th and 29th.
    [InlineData("2026-01-30", "2026-02-27", "2026-01-30", "2026-02-28")]
    [InlineData("2026-01-30", "2026-02-28", "2026-02-28", "2026-03-30")]
    [InlineData("2026-01-29", "2026-02-28", "2026-02-28", "2026-03-29")]
    [InlineData("2026-01-29", "2026-03-28", "2026-02-28", "2026-03-29")]
    // Leap year 2028: February has a 29th.
    [InlineData("2026-01-29", "2028-02-28", "2028-01-29", "2028-02-29")]
    [InlineData("2026-01-29", "2028-02-29", "2028-02-29", "2028-03-29")]
    [InlineData("2026-01-30", "2028-02-29", "2028-02-29", "2028-03-30")]
    [InlineData("2026-01-31", "2028-02-28", "2028-01-31", "2028-02-29")]
    [InlineData("2026-01-31", "2028-02-29", "2028-02-29", "2028-03-31")]
    // Anchored on the leap day itself.
    [InlineData("2028-02-29", "2028-03-28", "2028-02-29", "2028-03-29")]
    [InlineData("2028-02-29", "2029-02-28", "2029-02-28", "2029-03-29")]
    // Month and year ends.
    [InlineData("2026-03-01", "2026-12-31", "2026-12-01", "2027-01-01")]
    [InlineData("2026-03-01", "2027-01-01", "2027-01-01", "2027-02-01")]
    public void Containing_MonthEndsAndLeapYears_StartOnTheAnchorDayOrTheMonthsLastDay(string anchor, string today, string start, string end)
    {
        foreach (var zoneId in new[] { "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata" })
        {
            var zone = Zones.ById(zoneId);
            var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

            var cycle = BillingCycle.Containing(DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), Zones.Local(zone, day.Year, day.Month, day.Day, 12), zone);

            Assert.Equal(start, cycle.Key);
            Assert.Equal(LocalMidnight(zone, start), cycle.Start);
            Assert.Equal(LocalMidnight(zone, end), cycle.End);
        }
    }

    [Theory]
    [MemberData(nameof(ZoneIds))]
    public void Containing_AtLocalMidnight_TheNewCycleHasBegun_AndAnInstantBefore_TheOldOneRuns(string zoneId)
    {
        var zone = Zones.ById(zoneId);
        var midnight = Zones.Local(zone, 2026, 6, 15);

        Assert.Equal("2026-06-15", BillingCycle.Containing(new DateOnly(2026, 1, 15), midnight, zone).Key);
        Assert.Equal("2026-05-15", BillingCycle.Containing(new DateOnly(2026, 1, 15), midnight.AddTicks(-1), zone).Key);
    }

    [Fact]
    public void Containing_KolkataHalfHourOffset_TheCycleTurnsAtLocalNotUtcMidnight()
    {
        var anchor = new DateOnly(2026, 1, 1);

        Assert.Equal("2026-01-01", BillingCycle.Containing(anchor, Zones.Utc(2026, 1, 31, 18, 29, 59), Zones.Kolkata).Key);
        var february = BillingCycle.Containing(anchor, Zones.Utc(2026, 1, 31, 18, 30), Zones.Kolkata);
        Assert.Equal("2026-02-01", february.Key);
        Assert.Equal(Zones.Utc(2026, 1, 31, 18, 30), february.Start);
        Assert.Equal(TimeSpan.FromDays(28), february.Length);
    }

    [Fact]
    public void Containing_NewYorkCycleOverTheFallBackDay_IsAnHourLonger_AndKeyedByItsLocalFirstDay()
    {
        var cycle = BillingCycle.Containing(new DateOnly(2026, 5, 1), Zones.Utc(2026, 11, 15, 12), Zones.NewYork);

        Assert.Equal("2026-11-01", cycle.Key);
        Assert.Equal(Zones.Utc(2026, 11, 1, 4), cycle.Start);
        Assert.Equal(Zones.Utc(2026, 12, 1, 5), cycle.End);
        Assert.Equal(TimeSpan.FromDays(30) + TimeSpan.FromHours(1), cycle.Length);
    }

    [Fact]
    public void Containing_BerlinCyclesOverDstChanges_AreAnHourShorterOrLonger()
    {
        var march = BillingCycle.Containing(new DateOnly(2026, 1, 1), Zones.Utc(2026, 3, 29, 12), Zones.Berlin);
        var october = BillingCycle.Containing(new DateOnly(2026, 1, 1), Zones.Utc(2026, 10, 25, 12), Zones.Berlin);

        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), march.Length);
        Assert.Equal(TimeSpan.FromDays(31) + TimeSpan.FromHours(1), october.Length);
        var (start, end) = october;
        Assert.Equal(Zones.Utc(2026, 9, 30, 22), start);
        Assert.Equal(Zones.Utc(2026, 10, 31, 23), end);
    }

    [Fact]
    public void Containing_AucklandCycleStartingOnItsFallBackDay_StartsAtLocalMidnightInDaylightTime()
    {
        var anchor = new DateOnly(2026, 1, 5);

        var april = BillingCycle.Containing(anchor, Zones.Utc(2026, 4, 4, 11), Zones.Auckland);
        var before = BillingCycle.Containing(anchor, Zones.Utc(2026, 4, 4, 10, 59, 59), Zones.Auckland);
        var september = BillingCycle.Containing(anchor, Zones.Utc(2026, 9, 20), Zones.Auckland);

        Assert.Equal("2026-04-05", april.Key);
        Assert.Equal(Zones.Utc(2026, 4, 4, 11), april.Start);
        Assert.Equal(TimeSpan.FromDays(30) + TimeSpan.FromHours(1), april.Length);
        Assert.Equal("2026-03-05", before.Key);
        Assert.Equal(TimeSpan.FromDays(30) - TimeSpan.FromHours(1), september.Length);
    }

    [Fact]
    public void Containing_MidnightSkippedByDst_TheCycleStartsAtTheChange()
    {
        var anchor = new DateOnly(2026, 1, 6);

        var september = BillingCycle.Containing(anchor, Zones.Utc(2026, 9, 6, 12), Zones.Santiago);
        var august = BillingCycle.Containing(anchor, Zones.Utc(2026, 9, 6, 3, 59, 59), Zones.Santiago);

        Assert.Equal("2026-09-06", september.Key);
        Assert.Equal(Zones.Utc(2026, 9, 6, 4), september.Start);
        Assert.Equal(TimeSpan.FromHours(-3), september.Start.Offset);
        Assert.Equal("2026-08-06", august.Key);
        Assert.Equal(september.Start, august.End);
    }

    [Fact]
    public void Containing_MidnightOccurringTwice_TheCycleStartsAtTheFirst()
    {
        var anchor = new DateOnly(2026, 1, 1);

        var firstPass = BillingCycle.Containing(anchor, Zones.Utc(2026, 11, 1, 4, 30), Zones.Havana);
        var secondPass = BillingCycle.Containing(anchor, Zones.Utc(2026, 11, 1, 5, 30), Zones.Havana);
        var october = BillingCycle.Containing(anchor, Zones.Utc(2026, 11, 1, 3, 59), Zones.Havana);

        Assert.Equal(Zones.Utc(2026, 11, 1, 4), firstPass.Start);
        Assert.Equal(firstPass, secondPass);
        Assert.Equal("2026-10-01", october.Key);
        Assert.Equal(firstPass.Start, october.End);
    }

    [Fact]
    public void Containing_BeforeTheAnchor_IsTheCycleThatEndsWhereTheFirstBegins()
    {
        var anchor = new DateOnly(2026, 5, 20);

        var justBefore = BillingCycle.Containing(anchor, Zones.Local(Zones.Berlin, 2026, 5, 10, 9), Zones.Berlin);
        var first = BillingCycle.Containing(anchor, Zones.Local(Zones.Berlin, 2026, 5, 20), Zones.Berlin);
        var monthsBefore = BillingCycle.Containing(anchor, Zones.Local(Zones.Berlin, 2026, 1, 5), Zones.Berlin);

        Assert.Equal("2026-04-20", justBefore.Key);
        Assert.Equal(first.Start, justBefore.End);
        Assert.Equal("2026-05-20", first.Key);
        Assert.Equal(LocalMidnight(Zones.Berlin, "2026-05-20"), first.Start);
        Assert.Equal("2025-12-20", monthsBefore.Key);
    }

    [Fact]
    public void Containing_EveryInstant_IsInExactlyOneCycle_AndCyclesFollowEachOtherWithoutGaps()
    {
        foreach (var zone in new[] { Zones.Berlin, Zones.NewYork, Zones.Auckland, Zones.Kolkata, Zones.Santiago, Zones.Havana })
        {
            foreach (var anchorDay in new[] { 1, 15, 28, 29, 30, 31 })
            {
                var anchor = new DateOnly(2026, 1, anchorDay);
                for (var now = Zones.Utc(2025, 12, 1); now < Zones.Utc(2029, 1, 1); now = now.AddHours(17))
                {
                    var cycle = BillingCycle.Containing(anchor, now, zone);

                    Assert.True(cycle.Start <= now && now < cycle.End, $"{zone.Id} anchor {anchorDay}: {now:O} not in {cycle}");
                    Assert.Equal(cycle.End, BillingCycle.Containing(anchor, cycle.End, zone).Start);
                    Assert.Equal(cycle.Start, BillingCycle.Containing(anchor, cycle.Start.AddTicks(-1), zone).End);
                    Assert.Equal(Math.Min(anchorDay, DateTime.DaysInMonth(cycle.StartDate.Year, cycle.StartDate.Month)), cycle.StartDate.Day);
                }
            }
        }
    }

    private static DateTimeOffset LocalMidnight(TimeZoneInfo zone, string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return Zones.Local(zone, day.Year, day.Month, day.Day);
    }
}
