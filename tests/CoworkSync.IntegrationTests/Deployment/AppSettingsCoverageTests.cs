using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoworkSync.Functions.Hosting;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// The app settings the templates give the function app, compared with the settings CoworkSync and its host read
/// (<see cref="AppSettingCatalog"/>): everything the app requires in Azure is set on every plan, and nothing is set
/// that nobody reads. Also: identity-based connections only.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed partial class AppSettingsCoverageTests(BicepFixture bicep)
{
    private static readonly Dictionary<string, AppSettingUse> Catalog =
        AppSettingCatalog.All.ToDictionary(s => s.Name, s => s.Use, StringComparer.Ordinal);

    [Fact]
    public void RequiredInAzure_EverySetting_IsSetOnEveryPlan()
    {
        var required = AppSettingCatalog.All.Where(s => s.Use == AppSettingUse.RequiredInAzure).Select(s => s.Name).ToList();
        Assert.NotEmpty(required);

        foreach (var (plan, settings) in SettingsByPlan())
        {
            var missing = required.Where(name => !settings.ContainsKey(name)).ToList();
            Assert.True(missing.Count == 0, $"On {plan} the templates do not set: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void TemplateSettings_EveryOne_IsReadByTheAppOrTheHost()
    {
        foreach (var (plan, settings) in SettingsByPlan())
        {
            var unknown = settings.Keys.Where(name => !Catalog.ContainsKey(name)).ToList();
            Assert.True(unknown.Count == 0, $"On {plan} the templates set settings nobody reads (or AppSettingCatalog lacks them): {string.Join(", ", unknown)}");
            var localOnly = settings.Keys.Where(name => Catalog[name] == AppSettingUse.LocalOnly).ToList();
            Assert.True(localOnly.Count == 0, $"On {plan} the templates set local-mode settings: {string.Join(", ", localOnly)}");
        }
    }

    [Fact]
    public void FunctionBindings_EveryConnectionAndAppSettingExpression_IsSet()
    {
        foreach (var (function, path) in RepositoryLayout.FunctionDefinitions())
        {
            var text = File.ReadAllText(path);
            using var definition = JsonDocument.Parse(text);
            foreach (var binding in definition.RootElement.GetProperty("bindings").EnumerateArray())
            {
                if (binding.TryGetProperty("connection", out var connection))
                {
                    foreach (var (plan, settings) in SettingsByPlan())
                        Assert.True(settings.ContainsKey($"{connection.GetString()}__fullyQualifiedNamespace"), $"{function}: connection '{connection.GetString()}' has no identity-based setting on {plan}.");
                }
            }
            foreach (Match expression in AppSettingExpression().Matches(text))
            {
                foreach (var (plan, settings) in SettingsByPlan())
                    Assert.True(settings.ContainsKey(expression.Groups[1].Value), $"{function} uses %{expression.Groups[1].Value}%, which is not set on {plan}.");
            }
        }
    }

    [Fact]
    public void Connections_AreIdentityBased_WithoutAnyConnectionStringOrKey()
    {
        foreach (var (plan, settings) in SettingsByPlan())
        {
            Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
            Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
            // The Application Insights connection string only identifies the component: local authentication is off,
            // and the host authenticates with the identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
            var connectionStrings = settings.Keys
                .Where(k => k.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) || k.Contains("CONNECTION_STRING", StringComparison.Ordinal))
                .Where(k => k != "APPLICATIONINSIGHTS_CONNECTION_STRING")
                .ToList();
            Assert.True(connectionStrings.Count == 0, $"On {plan}: {string.Join(", ", connectionStrings)}");
            Assert.Contains("Authorization=AAD", Text(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]), StringComparison.Ordinal);

            foreach (var (name, value) in settings.Where(s => s.Key.EndsWith("__credential", StringComparison.Ordinal)))
                Assert.True(Text(value) == "managedidentity", $"{name} on {plan} is '{Text(value)}'.");
            foreach (var prefix in new[] { "AzureWebJobsStorage", "ServiceBusConnection" })
            {
                Assert.True(settings.ContainsKey($"{prefix}__credential"), $"{prefix}__credential is not set on {plan}.");
                Assert.True(settings.ContainsKey($"{prefix}__clientId"), $"{prefix}__clientId is not set on {plan}: the user-assigned identity must be named.");
            }
            Assert.True(settings.ContainsKey("AZURE_CLIENT_ID"), $"AZURE_CLIENT_ID is not set on {plan}.");
            // The app reads its own secrets through its secret store; the one secret a library takes from settings,
            // the SMTP password, is a Key Vault reference. No other setting holds or names a secret.
            foreach (var (name, value) in settings.Where(s => s.Key != "Email__SmtpPassword"))
                Assert.DoesNotContain("@Microsoft.KeyVault(", Text(value), StringComparison.Ordinal);
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", Text(settings["Email__SmtpPassword"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PlanSettings_FlexLeavesRuntimeToFunctionAppConfig_PremiumNamesCustomRuntimeAndPackage()
    {
        var plans = SettingsByPlan();
        var flex = plans["FlexConsumption"];
        foreach (var rejectedOnFlex in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE" })
            Assert.DoesNotContain(rejectedOnFlex, flex.Keys);

        var premium = plans["ElasticPremium"];
        Assert.Equal("custom", Text(premium["FUNCTIONS_WORKER_RUNTIME"]));
        Assert.Equal("~4", Text(premium["FUNCTIONS_EXTENSION_VERSION"]));
        Assert.True(premium.ContainsKey("WEBSITE_RUN_FROM_PACKAGE"));
        Assert.True(premium.ContainsKey("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"), "A user-assigned identity reads the package blob only when named.");
    }

    /// <summary>
    /// The function app's settings per hosting plan. The module builds them as
    /// <c>union(commonAppSettings, isFlex ? flexAppSettings : premiumAppSettings)</c> from object variables with literal
    /// keys; if that shape changes, change this reader with it.
    /// </summary>
    private Dictionary<string, Dictionary<string, JsonNode?>> SettingsByPlan()
    {
        var (template, site) = new ArmTemplate(bicep.Template).Single("Microsoft.Web/sites");
        var copy = site["properties"]?["siteConfig"]?["copy"]?.AsArray().OfType<JsonObject>().SingleOrDefault(c => c["name"]?.GetValue<string>() == "appSettings")
            ?? throw new Xunit.Sdk.XunitException("The function app's siteConfig.appSettings is not built from a loop over a settings object.");
        var loopSource = VariableReference().Match(copy["input"]!["name"]!.GetValue<string>());
        Assert.True(loopSource.Success, $"Unexpected appSettings loop: {copy.ToJsonString()}");

        var union = template.Variable(loopSource.Groups[1].Value)?.GetValue<string>() ?? "";
        var shape = SettingsUnion().Match(union);
        Assert.True(shape.Success, $"The settings variable '{loopSource.Groups[1].Value}' is '{union}', not union(common, if(isFlex, flex, premium)).");
        Assert.Equal("[equals(parameters('hostingPlan'), 'FlexConsumption')]", template.Variable(shape.Groups["condition"].Value)?.GetValue<string>());

        Dictionary<string, JsonNode?> Group(string name) =>
            (template.Variable(name) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Settings variable '{name}' is not an object with literal keys."))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Dictionary<string, JsonNode?> Merge(Dictionary<string, JsonNode?> a, Dictionary<string, JsonNode?> b) =>
            a.Concat(b).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

        var common = Group(shape.Groups["common"].Value);
        return new Dictionary<string, Dictionary<string, JsonNode?>>(StringComparer.Ordinal)
        {
            ["FlexConsumption"] = Merge(common, Group(shape.Groups["flex"].Value)),
            ["ElasticPremium"] = Merge(common, Group(shape.Groups["premium"].Value)),
        };
    }

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^\[union\(variables\('(?<common>[^']+)'\), if\(variables\('(?<condition>[^']+)'\), variables\('(?<flex>[^']+)'\), variables\('(?<premium>[^']+)'\)\)\)\]$")]
    private static partial Regex SettingsUnion();

    [GeneratedRegex(@"%([A-Za-z0-9_]+)%")]
    private static partial Regex AppSettingExpression();
}
