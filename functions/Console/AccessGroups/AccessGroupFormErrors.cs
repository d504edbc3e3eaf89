using System.Globalization;
using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Console.AccessGroups;

/// <summary>
/// A refused access group's errors placed at the form's fields: an error of <c>timeWindows.monday[0].end</c> at
/// Monday's box as "window 1 end …", one of <c>extraReplyAttributes.Idle-Timeout</c> at the attributes box as
/// "Idle-Timeout …". Errors of no field of the form are listed apart.
/// </summary>
public sealed class AccessGroupFormErrors(IReadOnlyList<ValidationError> errors, IReadOnlyCollection<string> fields)
{
    public IReadOnlyList<ValidationError> All => errors;

    /// <summary>What is wrong with the form's <paramref name="field"/>, each error said once; null when nothing is.</summary>
    public string? For(string field)
    {
        var reasons = errors.Select(e => Describe(e, field)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>The errors the form has no field for.</summary>
    public IEnumerable<ValidationError> Unplaced() => errors.Where(e => fields.All(f => Describe(e, f) is null));

    /// <summary>The error said at <paramref name="field"/>; null when it is another field's.</summary>
    private static string? Describe(ValidationError error, string field)
    {
        if (error.Field == field)
            return error.Reason;
        if (!error.Field.StartsWith(field, StringComparison.Ordinal) || error.Field.Length == field.Length)
            return null;
        var rest = error.Field[field.Length..];
        if (rest[0] == '.')
            return $"{rest[1..]} {error.Reason}";
        var close = rest.IndexOf(']', StringComparison.Ordinal);
        if (rest[0] != '[' || close < 0 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return null;
        var part = rest[(close + 1)..].TrimStart('.');
        return $"window {index + 1}{(part.Length == 0 ? "" : " " + part)} {error.Reason}";
    }
}
