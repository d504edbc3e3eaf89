using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Console.Forms;

/// <summary>A refused input's errors by field, for a form that shows each next to its field (and ties it with aria-describedby).</summary>
public sealed class FieldErrors(IReadOnlyList<ValidationError> errors)
{
    public static FieldErrors None { get; } = new([]);

    public bool Any => errors.Count > 0;

    /// <summary>What is wrong with <paramref name="field"/>; null when nothing is.</summary>
    public string? For(string field) =>
        errors.Where(e => e.Field == field).Select(e => e.Reason).FirstOrDefault();

    /// <summary>The errors of fields the form has no place for.</summary>
    public IEnumerable<ValidationError> Except(params string[] fields) => errors.Where(e => !fields.Contains(e.Field));
}
