using System.Text.Json;

namespace CoworkSync.Functions.Hosting.Definitions;

/// <summary>Reads every <c>{FunctionName}/function.json</c> under a folder: the function app root, or the app's output folder.</summary>
public static class FunctionDefinitions
{
    public static IReadOnlyList<FunctionDefinition> Load(string root)
    {
        var definitions = new List<FunctionDefinition>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "function.json");
            if (!File.Exists(file))
                continue;
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var bindings = document.RootElement.TryGetProperty("bindings", out var b) && b.ValueKind == JsonValueKind.Array
                ? b.EnumerateArray().Select(x => x.Clone()).ToList()
                : throw new InvalidDataException($"{file} has no bindings array.");
            definitions.Add(new FunctionDefinition(Path.GetFileName(folder), bindings));
        }
        return definitions;
    }
}
