using System.Text.Json;

namespace CoworkSync.Functions.Hosting.Definitions;

/// <summary>
/// Reads every function's <c>function.json</c> under a folder: the function app's output folder, where each is at
/// <c>{FunctionName}/function.json</c>, or the source folder <c>functions/</c>, where family folders group them
/// (<c>Admin/Connectors/PutConnector/function.json</c>). A function is named after the folder that holds its file.
/// </summary>
public static class FunctionDefinitions
{
    private static readonly string[] Skipped = ["bin", "obj"];

    /// <exception cref="InvalidDataException">A file has no bindings array, or two functions have one name.</exception>
    public static IReadOnlyList<FunctionDefinition> Load(string root)
    {
        var definitions = new List<FunctionDefinition>();
        foreach (var file in Find(root).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var bindings = document.RootElement.TryGetProperty("bindings", out var b) && b.ValueKind == JsonValueKind.Array
                ? b.EnumerateArray().Select(x => x.Clone()).ToList()
                : throw new InvalidDataException($"{file} has no bindings array.");
            var name = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (definitions.Any(d => d.Name == name))
                throw new InvalidDataException($"Two functions are named {name}: function names must be unique, whichever family folder holds them.");
            definitions.Add(new FunctionDefinition(name, bindings));
        }
        return [.. definitions.OrderBy(d => d.Name, StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Find(string folder)
    {
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (Skipped.Contains(Path.GetFileName(sub)))
                continue;
            var file = Path.Combine(sub, "function.json");
            if (File.Exists(file))
                yield return file;
            foreach (var nested in Find(sub))
                yield return nested;
        }
    }
}
