using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// One template of the ARM JSON that <c>bicep build</c> writes: the main template, or a module's (nested
/// deployment's) template with the parameter values the parent passes it. Resolves plain
/// <c>[parameters('x')]</c> and <c>[variables('x')]</c> references through the modules to the literal they
/// stand for, which is enough to check settings offline; anything else stays an expression.
/// </summary>
internal sealed partial class ArmTemplate
{
    private readonly ArmTemplate? _parent;
    private readonly JsonObject? _parameterValues;

    public ArmTemplate(JsonObject template, string name = "main", ArmTemplate? parent = null, JsonObject? parameterValues = null)
    {
        Json = template;
        Name = name;
        _parent = parent;
        _parameterValues = parameterValues;
    }

    public JsonObject Json { get; }

    /// <summary>"main", or the deployment name of a module (e.g. "function-app").</summary>
    public string Name { get; }

    /// <summary>Resources of this template (both the array form and the symbolic-name object form).</summary>
    public IEnumerable<JsonObject> Resources => Json["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    public IEnumerable<ArmTemplate> Modules =>
        Resources.Where(r => Type(r) == "Microsoft.Resources/deployments" && r["properties"]?["template"] is JsonObject)
            .Select(r => new ArmTemplate(r["properties"]!["template"]!.AsObject(), r["name"]?.GetValue<string>() ?? "?", this, r["properties"]?["parameters"] as JsonObject));

    /// <summary>This template and every module below it.</summary>
    public IEnumerable<ArmTemplate> All => Modules.SelectMany(m => m.All).Prepend(this);

    public static string? Type(JsonObject resource) => resource["type"]?.GetValue<string>();

    /// <summary>Every resource of a type, in this template or any module, with the template it is declared in.</summary>
    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> ResourcesOfType(string type) =>
        All.SelectMany(t => t.Resources.Where(r => string.Equals(Type(r), type, StringComparison.OrdinalIgnoreCase)).Select(r => (t, r)));

    public (ArmTemplate Template, JsonObject Resource) Single(string type)
    {
        var found = ResourcesOfType(type).ToList();
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"Expected one {type} resource in the template, found {found.Count}.");
    }

    public JsonNode? Variable(string name) => Json["variables"]?[name];

    /// <summary>Follows <c>[parameters('x')]</c> (to the value the parent passes, or the default) and <c>[variables('x')]</c> references.</summary>
    public JsonNode? Resolve(JsonNode? value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
            return value;

        if (ParameterReference().Match(text) is { Success: true } parameter)
        {
            var name = parameter.Groups[1].Value;
            if (_parameterValues?[name] is JsonObject passed && _parent is not null)
                return _parent.Resolve(passed["value"]);
            return Resolve(Json["parameters"]?[name]?["defaultValue"]);
        }
        if (VariableReference().Match(text) is { Success: true } variable)
            return Resolve(Variable(variable.Groups[1].Value));
        return value;
    }

    /// <summary>The resolved value at a path of property names under a resource, e.g. ("properties", "lockDuration").</summary>
    public JsonNode? Property(JsonObject resource, params string[] path)
    {
        JsonNode? node = resource;
        foreach (var step in path)
            node = Resolve(node)?[step];
        return Resolve(node);
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
