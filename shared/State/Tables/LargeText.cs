using Azure.Data.Tables;

namespace CoworkSync.State.Tables;

/// <summary>
/// Stores text longer than one table property allows (32K UTF-16 characters) across numbered properties
/// <c>Name</c>, <c>Name_1</c>, <c>Name_2</c>…, within the entity's 1 MiB limit.
/// </summary>
public static class LargeText
{
    public const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string? text)
    {
        foreach (var stale in entity.Keys.Where(k => k == name || k.StartsWith(name + "_", StringComparison.Ordinal)).ToList())
            entity.Remove(stale);
        if (text is null)
            return;

        for (int offset = 0, index = 0; offset < text.Length || index == 0; offset += ChunkLength, index++)
        {
            var chunk = text.Substring(offset, Math.Min(ChunkLength, text.Length - offset));
            entity[index == 0 ? name : $"{name}_{index}"] = chunk;
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || first.Length < ChunkLength)
            return first;

        var parts = new List<string> { first };
        for (var index = 1; entity.GetString($"{name}_{index}") is { } next; index++)
            parts.Add(next);
        return string.Concat(parts);
    }
}
