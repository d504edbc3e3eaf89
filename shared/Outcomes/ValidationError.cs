namespace CoworkSync.Outcomes;

/// <summary>One thing wrong with an operator's input: the JSON path of the field and why.</summary>
public sealed record ValidationError(string Field, string Reason);
