using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CoworkSync.Outcomes;

namespace CoworkSync.Access;

/// <summary>
/// The body of <c>PUT /api/admin/access-groups/{groupId}</c>, before validation. A PUT replaces the whole group: an
/// omitted value takes its default (unlimited hours, around the clock, no cap, interval 300 s, no limit, no VLAN,
/// priority 0, not capping, no extra attributes).
/// </summary>
public sealed partial record AccessGroupInput
{
    public const int MaxHoursPerCycle = 31 * 24;
    public const int MinSessionTimeoutCapSeconds = 60;
    public const int MaxSessionTimeoutCapSeconds = 7 * 24 * 3600;
    public const int MinAcctInterimIntervalSeconds = 60;
    public const int MaxAcctInterimIntervalSeconds = 24 * 3600;
    public const int MaxBandwidthKbps = 10_000_000;
    public const int MaxVlanId = 4094;
    public const int MaxConcurrentSessionsLimit = 100;
    public const int MaxPriority = 1000;
    public const int MaxWindowsPerDay = 24;
    public const int MaxExtraReplyAttributes = 20;
    public const int MaxAttributeValueLength = 253;

    /// <summary>
    /// Attributes the typed values or the RADIUS endpoints set, which an extra attribute may not override: the session
    /// timeout, the interim interval, the VLAN's tunnel attributes, the common bandwidth attributes, and any password.
    /// </summary>
    public static IReadOnlySet<string> ReservedAttributes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Session-Timeout", "Termination-Action", "Acct-Interim-Interval", "Tunnel-Type", "Tunnel-Medium-Type", "Tunnel-Private-Group-Id",
        "WISPr-Bandwidth-Max-Down", "WISPr-Bandwidth-Max-Up", "Cleartext-Password", "User-Password",
    };

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("hoursPerCycle")]
    public double? HoursPerCycle { get; init; }

    [JsonPropertyName("timeWindows")]
    public Dictionary<string, List<TimeWindowJson?>?>? TimeWindows { get; init; }

    [JsonPropertyName("sessionTimeoutCapSeconds")]
    public int? SessionTimeoutCapSeconds { get; init; }

    [JsonPropertyName("acctInterimIntervalSeconds")]
    public int? AcctInterimIntervalSeconds { get; init; }

    [JsonPropertyName("bandwidthDownKbps")]
    public int? BandwidthDownKbps { get; init; }

    [JsonPropertyName("bandwidthUpKbps")]
    public int? BandwidthUpKbps { get; init; }

    [JsonPropertyName("vlanId")]
    public int? VlanId { get; init; }

    [JsonPropertyName("maxConcurrentSessions")]
    public int? MaxConcurrentSessions { get; init; }

    [JsonPropertyName("priority")]
    public int? Priority { get; init; }

    [JsonPropertyName("capsOthers")]
    public bool? CapsOthers { get; init; }

    [JsonPropertyName("extraReplyAttributes")]
    public Dictionary<string, string?>? ExtraReplyAttributes { get; init; }

    /// <summary>Lowercase letters, digits and dashes, 2–50 characters, like <c>flex</c> or <c>night-owl</c>: fits URLs and table keys.</summary>
    public static bool IsValidGroupId(string id) => GroupIdPattern().IsMatch(id);

    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 100)
            errors.Add(new("displayName", "is required, at most 100 characters"));
        if (HoursPerCycle is { } hours && (!double.IsFinite(hours) || hours <= 0 || hours > MaxHoursPerCycle))
            errors.Add(new("hoursPerCycle", $"must be more than 0 and at most {MaxHoursPerCycle}, or null for unlimited"));
        ValidateTimeWindows(errors);
        Range(errors, "sessionTimeoutCapSeconds", SessionTimeoutCapSeconds, MinSessionTimeoutCapSeconds, MaxSessionTimeoutCapSeconds, "or null for no cap");
        Range(errors, "acctInterimIntervalSeconds", AcctInterimIntervalSeconds, MinAcctInterimIntervalSeconds, MaxAcctInterimIntervalSeconds, "or omitted for 300");
        Range(errors, "bandwidthDownKbps", BandwidthDownKbps, 1, MaxBandwidthKbps, "or null for no limit");
        Range(errors, "bandwidthUpKbps", BandwidthUpKbps, 1, MaxBandwidthKbps, "or null for no limit");
        Range(errors, "vlanId", VlanId, 1, MaxVlanId, "or null for none");
        Range(errors, "maxConcurrentSessions", MaxConcurrentSessions, 1, MaxConcurrentSessionsLimit, "or null for unlimited");
        Range(errors, "priority", Priority, -MaxPriority, MaxPriority, "or omitted for 0");
        ValidateExtraReplyAttributes(errors);
        return errors;
    }

    /// <summary>The group this input describes; call only when <see cref="Validate"/> found nothing.</summary>
    public AccessGroup ToAccessGroup(string id) => new()
    {
        Id = id,
        DisplayName = DisplayName!.Trim(),
        HoursPerCycle = HoursPerCycle,
        TimeWindows = TimeWindows?.ToDictionary(
            d => Weekdays.TryParse(d.Key, out var day) ? day : throw new InvalidOperationException("Validate first."),
            d => (IReadOnlyList<TimeWindow>)d.Value!.Select(TimeWindowsJson.Parse).ToList()),
        SessionTimeoutCapSeconds = SessionTimeoutCapSeconds,
        AcctInterimIntervalSeconds = AcctInterimIntervalSeconds ?? AccessGroup.DefaultAcctInterimIntervalSeconds,
        BandwidthDownKbps = BandwidthDownKbps,
        BandwidthUpKbps = BandwidthUpKbps,
        VlanId = VlanId,
        MaxConcurrentSessions = MaxConcurrentSessions,
        Priority = Priority ?? 0,
        CapsOthers = CapsOthers ?? false,
        ExtraReplyAttributes = (ExtraReplyAttributes ?? []).ToDictionary(a => a.Key.Trim(), a => a.Value!, StringComparer.OrdinalIgnoreCase),
    };

    private void ValidateTimeWindows(List<ValidationError> errors)
    {
        if (TimeWindows is null)
            return;
        var seen = new HashSet<DayOfWeek>();
        foreach (var (name, windows) in TimeWindows)
        {
            var field = $"timeWindows.{name}";
            if (!Weekdays.TryParse(name, out var day))
            {
                errors.Add(new(field, "is not a weekday; use monday … sunday"));
                continue;
            }
            if (!seen.Add(day))
                errors.Add(new(field, "is given twice"));
            if (windows is null)
            {
                errors.Add(new(field, "must be a list of windows (an empty list means no access that day)"));
                continue;
            }
            if (windows.Count > MaxWindowsPerDay)
                errors.Add(new(field, $"may have at most {MaxWindowsPerDay} windows"));
            for (var i = 0; i < windows.Count; i++)
                ValidateWindow(errors, $"{field}[{i}]", windows[i]);
        }
    }

    private static void ValidateWindow(List<ValidationError> errors, string field, TimeWindowJson? window)
    {
        if (window is null)
        {
            errors.Add(new(field, "must be an object with start and end"));
            return;
        }
        var startOk = TimeWindowText.TryParseStart(window.Start, out var start);
        var endOk = TimeWindowText.TryParseEnd(window.End, out var end);
        if (!startOk)
            errors.Add(new($"{field}.start", "must be a time of day HH:mm, e.g. 08:00"));
        if (!endOk)
            errors.Add(new($"{field}.end", "must be a time of day HH:mm, e.g. 20:00, or 24:00 for midnight"));
        if (startOk && endOk && !TimeWindow.IsValid(start, end))
            errors.Add(new($"{field}.end", $"must be after start {window.Start} (a window cannot cross midnight: end it at 24:00 and continue at 00:00 the next day)"));
    }

    private void ValidateExtraReplyAttributes(List<ValidationError> errors)
    {
        if (ExtraReplyAttributes is null)
            return;
        if (ExtraReplyAttributes.Count > MaxExtraReplyAttributes)
            errors.Add(new("extraReplyAttributes", $"may have at most {MaxExtraReplyAttributes} attributes"));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in ExtraReplyAttributes)
        {
            var field = $"extraReplyAttributes.{name}";
            if (!AttributeNamePattern().IsMatch(name))
                errors.Add(new(field, "is not a RADIUS attribute name (letters, digits, '-', '_' or '.', starting with a letter, at most 64)"));
            else if (ReservedAttributes.Contains(name) || name.Contains("Password", StringComparison.OrdinalIgnoreCase))
                errors.Add(new(field, "is set by CoworkSync itself; use the typed setting instead"));
            else if (!seen.Add(name))
                errors.Add(new(field, "is given twice (names ignore case)"));
            if (string.IsNullOrEmpty(value) || value.Length > MaxAttributeValueLength || value.Any(char.IsControl))
                errors.Add(new(field, $"must be a value of 1–{MaxAttributeValueLength} characters without control characters"));
        }
    }

    private static void Range(List<ValidationError> errors, string field, int? value, int min, int max, string otherwise)
    {
        if (value is { } v && (v < min || v > max))
            errors.Add(new(field, $"must be between {min} and {max}, {otherwise}"));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$")]
    private static partial Regex GroupIdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex AttributeNamePattern();
}
