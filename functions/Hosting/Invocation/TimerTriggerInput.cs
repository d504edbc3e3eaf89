using System.Text.Json;

namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>A timer firing as a custom handler receives it.</summary>
public sealed record TimerTriggerInput(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    /// <summary>Reads the timer binding; a missing or odd value reads as an on-time firing (the firing itself is the fact).</summary>
    public static TimerTriggerInput Read(InvocationRequest request, string bindingName)
    {
        if (!request.Data.TryGetValue(bindingName, out var timer))
            return new TimerTriggerInput(false, null, null);
        if (timer.ValueKind == JsonValueKind.String && BindingValue.AsString(timer) is { } text && text.StartsWith('{'))
            timer = JsonDocument.Parse(text).RootElement;
        if (timer.ValueKind != JsonValueKind.Object)
            return new TimerTriggerInput(false, null, null);

        var pastDue = Property(timer, "IsPastDue") is { } p && BindingValue.AsBool(p) == true;
        var status = Property(timer, "ScheduleStatus");
        DateTimeOffset? Read(string name) => status is { } s && Property(s, name) is { } v ? BindingValue.AsTimestamp(v) : null;
        return new TimerTriggerInput(pastDue, Read("Last"), Read("Next"));
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }
}
