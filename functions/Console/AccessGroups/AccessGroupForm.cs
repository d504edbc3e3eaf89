using System.Globalization;
using CoworkSync.Access;
using CoworkSync.Administration.AccessGroups;
using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Console.AccessGroups;

/// <summary>
/// An access group as its console form holds it: text per field, named as the admin API's body names them, so that the
/// service's errors land at their fields. <see cref="ToInput"/> reads the text into the body
/// <c>PUT /api/admin/access-groups/{groupId}</c> takes; the service judges it.
/// </summary>
public sealed class AccessGroupForm
{
    public const string AroundTheClock = "always";
    public const string InWindows = "windows";

    public string GroupId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Schedule { get; set; } = InWindows;
    public Dictionary<DayOfWeek, string> Days { get; } = Weekdays.MondayFirst.ToDictionary(d => d, _ => "");
    public string HoursPerCycle { get; set; } = "";
    public string MaxConcurrentSessions { get; set; } = "";
    public string SessionTimeoutCapSeconds { get; set; } = "";
    public string AcctInterimIntervalSeconds { get; set; } = AccessGroup.DefaultAcctInterimIntervalSeconds.ToString(CultureInfo.InvariantCulture);
    public string VlanId { get; set; } = "";
    public string BandwidthDownKbps { get; set; } = "";
    public string BandwidthUpKbps { get; set; } = "";
    public string Priority { get; set; } = "0";
    public bool CapsOthers { get; set; }
    public string ExtraReplyAttributes { get; set; } = "";

    /// <summary>The form field of a weekday's windows, e.g. <c>timeWindows.monday</c>.</summary>
    public static string DayField(DayOfWeek day) => "timeWindows." + Weekdays.Name(day);

    public static AccessGroupForm Of(AccessGroupView group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var form = new AccessGroupForm
        {
            GroupId = group.Id,
            DisplayName = group.DisplayName,
            Schedule = group.TimeWindows is null ? AroundTheClock : InWindows,
            HoursPerCycle = Text(group.HoursPerCycle),
            MaxConcurrentSessions = Text(group.MaxConcurrentSessions),
            SessionTimeoutCapSeconds = Text(group.SessionTimeoutCapSeconds),
            AcctInterimIntervalSeconds = Text(group.AcctInterimIntervalSeconds),
            VlanId = Text(group.VlanId),
            BandwidthDownKbps = Text(group.BandwidthDownKbps),
            BandwidthUpKbps = Text(group.BandwidthUpKbps),
            Priority = Text(group.Priority),
            CapsOthers = group.CapsOthers,
            ExtraReplyAttributes = ReplyAttributesText.Format(group.ExtraReplyAttributes),
        };
        foreach (var day in Weekdays.MondayFirst)
        {
            if (group.TimeWindows is { } windows && windows.TryGetValue(Weekdays.Name(day), out var list))
                form.Days[day] = ScheduleText.Format(list);
        }
        return form;
    }

    /// <summary>The form as posted; a field not posted is empty (an unchecked box is off).</summary>
    public static AccessGroupForm Read(IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var form = new AccessGroupForm
        {
            GroupId = posted["groupId"].ToString().Trim(),
            DisplayName = posted["displayName"].ToString(),
            Schedule = posted["schedule"].ToString() == AroundTheClock ? AroundTheClock : InWindows,
            HoursPerCycle = posted["hoursPerCycle"].ToString(),
            MaxConcurrentSessions = posted["maxConcurrentSessions"].ToString(),
            SessionTimeoutCapSeconds = posted["sessionTimeoutCapSeconds"].ToString(),
            AcctInterimIntervalSeconds = posted["acctInterimIntervalSeconds"].ToString(),
            VlanId = posted["vlanId"].ToString(),
            BandwidthDownKbps = posted["bandwidthDownKbps"].ToString(),
            BandwidthUpKbps = posted["bandwidthUpKbps"].ToString(),
            Priority = posted["priority"].ToString(),
            CapsOthers = posted["capsOthers"].ToString() == "true",
            ExtraReplyAttributes = posted["extraReplyAttributes"].ToString(),
        };
        foreach (var day in Weekdays.MondayFirst)
            form.Days[day] = posted[DayField(day)].ToString();
        return form;
    }

    /// <summary>
    /// The admin API's body this form says, or what keeps the text from being one (a number that is not a number, a
    /// window or attribute line of the wrong shape), by field. Empty numbers are null: unlimited, none, or the default.
    /// </summary>
    public (AccessGroupInput? Input, IReadOnlyList<ValidationError> Errors) ToInput()
    {
        var errors = new List<ValidationError>();
        Dictionary<string, List<TimeWindowJson?>?>? windows = null;
        if (Schedule == InWindows)
        {
            windows = [];
            foreach (var day in Weekdays.MondayFirst)
            {
                var (list, dayErrors) = ScheduleText.Parse(Days[day], DayField(day));
                errors.AddRange(dayErrors);
                // A weekday left out has no access, as one with no windows: left out, the stored group reads as the API's.
                if (list.Count > 0)
                    windows[Weekdays.Name(day)] = list;
            }
        }
        var (attributes, attributeErrors) = ReplyAttributesText.Parse(ExtraReplyAttributes);
        errors.AddRange(attributeErrors);
        var input = new AccessGroupInput
        {
            DisplayName = DisplayName,
            TimeWindows = windows,
            HoursPerCycle = Number(errors, "hoursPerCycle", HoursPerCycle),
            MaxConcurrentSessions = WholeNumber(errors, "maxConcurrentSessions", MaxConcurrentSessions),
            SessionTimeoutCapSeconds = WholeNumber(errors, "sessionTimeoutCapSeconds", SessionTimeoutCapSeconds),
            AcctInterimIntervalSeconds = WholeNumber(errors, "acctInterimIntervalSeconds", AcctInterimIntervalSeconds),
            VlanId = WholeNumber(errors, "vlanId", VlanId),
            BandwidthDownKbps = WholeNumber(errors, "bandwidthDownKbps", BandwidthDownKbps),
            BandwidthUpKbps = WholeNumber(errors, "bandwidthUpKbps", BandwidthUpKbps),
            Priority = WholeNumber(errors, "priority", Priority),
            CapsOthers = CapsOthers,
            ExtraReplyAttributes = attributes,
        };
        return errors.Count > 0 ? (null, errors) : (input, errors);
    }

    private static double? Number(List<ValidationError> errors, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        errors.Add(new(field, "must be a number such as 40 or 12.5 (a dot before decimals), or empty"));
        return null;
    }

    private static int? WholeNumber(List<ValidationError> errors, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        errors.Add(new(field, "must be a whole number, or empty"));
        return null;
    }

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
