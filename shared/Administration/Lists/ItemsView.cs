namespace CoworkSync.Administration.Lists;

/// <summary>A list as the admin API answers it: <c>{"items":[…]}</c>.</summary>
/// <param name="Items">The items, in the order the operation gives them.</param>
public sealed record ItemsView<T>(IReadOnlyList<T> Items);
