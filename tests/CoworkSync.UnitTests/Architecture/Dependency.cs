namespace CoworkSync.UnitTests.Architecture;

/// <summary>One type of the product using another, by their full names (<c>Outer+Nested</c> for nested types).</summary>
/// <param name="From">The type that uses the other.</param>
/// <param name="FromNamespace">Its namespace.</param>
/// <param name="To">The type used.</param>
/// <param name="ToNamespace">Its namespace.</param>
public sealed record Dependency(string From, string FromNamespace, string To, string ToNamespace)
{
    /// <summary>The type a nested (or compiler-generated) type belongs to: what its code is part of.</summary>
    public string FromOuter => From.Split('+')[0];
}
