using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace CoworkSync.IntegrationTests.Deployment;

/// <summary>
/// <c>infra/main.bicep</c> builds and lints without a single diagnostic, and the ARM JSON it compiles to has the
/// properties the issue and the app depend on. Nothing here needs Azure.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class BicepTemplateTests(BicepFixture bicep)
{
    private ArmTemplate Main => new(bicep.Template);

    [Fact]
    public async Task BicepCli_PinnedVersion_IsTheOneRun()
    {
        var version = await BicepCli.RunAsync("--version");

        Assert.True(version.ExitCode == 0, version.Describe());
        Assert.Contains($"Bicep CLI version {BicepCli.Version} ", version.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MainTemplate_SucceedsWithoutAnyDiagnostic()
    {
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.Describe());
        // Type mistakes (unknown property, wrong type) are only warnings and leave the exit code 0.
        Assert.True(BicepCli.Diagnostics(bicep.Build.StandardError).Count == 0, bicep.Build.Describe());
        Assert.Equal("", bicep.Build.StandardError.Trim());
    }

    [Fact]
    public void Lint_MainTemplate_ReportsNothing()
    {
        Assert.True(bicep.Lint.ExitCode == 0, bicep.Lint.Describe());
        Assert.True(BicepCli.Diagnostics(bicep.Lint.StandardOutput + bicep.Lint.StandardError).Count == 0, bicep.Lint.Describe());
    }

    [Fact]
    public void BuildParams_EveryParametersFile_SucceedsWithoutAnyDiagnostic()
    {
        Assert.NotEmpty(bicep.ParameterFiles);
        foreach (var (file, result) in bicep.ParameterFiles)
        {
            Assert.True(result.ExitCode == 0, $"{file}: {result.Describe()}");
            Assert.True(BicepCli.Diagnostics(result.StandardError).Count == 0, $"{file}: {result.Describe()}");
        }
    }

    [Fact]
    public void BuildParams_ParametersFiles_CoverBothHostingPlans()
    {
        var plans = bicep.ParameterFiles.Values
            .Select(r => JsonNode.Parse(JsonNode.Parse(r.StandardOutput)!["parametersJson"]!.GetValue<string>())!["parameters"]!["hostingPlan"]?["value"]?.GetValue<string>())
            .ToHashSet();

        Assert.Contains("FlexConsumption", plans);
        Assert.Contains("ElasticPremium", plans);
    }

    [Fact]
    public void Linter_BicepConfig_RaisesTheRulesThatMatterToErrors()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Infra, "bicepconfig.json")));
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules");

        foreach (var rule in new[]
        {
            "no-unused-params", "no-unused-vars", "no-hardcoded-env-urls", "no-hardcoded-location", "outputs-should-not-contain-secrets",
            "secure-parameter-default", "use-secure-value-for-secure-inputs", "use-resource-symbol-reference", "use-stable-resource-identifiers",
            "no-unnecessary-dependson", "what-if-short-circuiting",
        })
        {
            Assert.True(rules.TryGetProperty(rule, out var setting), $"bicepconfig.json does not set {rule}.");
            Assert.Equal("error", setting.GetProperty("level").GetString());
        }
    }

    [Fact]
    public void FunctionApp_Site_IsLinuxCustomHandlerWithUserAssignedIdentity()
    {
        var (template, site) = Main.Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", template.Property(site, "kind")?.GetValue<string>());
        Assert.Equal("UserAssigned", template.Property(site, "identity", "type")?.GetValue<string>());
        Assert.True(template.Property(site, "properties", "httpsOnly")?.GetValue<bool>());
        Assert.NotNull(template.Property(site, "properties", "keyVaultReferenceIdentity"));

        // Flex Consumption: the runtime is `custom` 1.0, and the package comes from a blob container read with the identity.
        var functionAppConfig = template.Property(site, "properties", "functionAppConfig")?.GetValue<string>() ?? "";
        Assert.Contains("'runtime', createObject('name', 'custom', 'version', '1.0')", functionAppConfig, StringComparison.Ordinal);
        Assert.Contains("'type', 'blobContainer'", functionAppConfig, StringComparison.Ordinal);
        Assert.Contains("'type', 'UserAssignedIdentity'", functionAppConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void HostingPlan_DefaultsToFlexConsumption_AndOffersElasticPremium()
    {
        var hostingPlan = Main.Json["parameters"]!["hostingPlan"]!;

        Assert.Equal("FlexConsumption", hostingPlan["defaultValue"]?.GetValue<string>());
        Assert.Equal(["FlexConsumption", "ElasticPremium"], hostingPlan["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        var (template, plan) = Main.Single("Microsoft.Web/serverfarms");
        var sku = template.Property(plan, "sku")!.GetValue<string>();
        Assert.Contains("'FC1'", sku, StringComparison.Ordinal);
        Assert.Contains("'ElasticPremium'", sku, StringComparison.Ordinal);
        Assert.True(template.Property(plan, "properties", "reserved")?.GetValue<bool>(), "A Linux plan is 'reserved'.");
    }

    [Fact]
    public void EventsQueue_StandardNamespace_DuplicateDetectionDeadLetteringAndLockSizedToFunctionTimeout()
    {
        var (nsTemplate, ns) = Main.Single("Microsoft.ServiceBus/namespaces");
        Assert.Equal("Standard", nsTemplate.Property(ns, "sku", "name")?.GetValue<string>());
        Assert.True(nsTemplate.Property(ns, "properties", "disableLocalAuth")?.GetValue<bool>());

        var (template, queue) = Main.Single("Microsoft.ServiceBus/namespaces/queues");
        Assert.Equal(10, template.Property(queue, "properties", "maxDeliveryCount")?.GetValue<int>());
        Assert.True(template.Property(queue, "properties", "requiresDuplicateDetection")?.GetValue<bool>());
        var window = XmlConvert.ToTimeSpan(template.Property(queue, "properties", "duplicateDetectionHistoryTimeWindow")!.GetValue<string>());
        Assert.InRange(window, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Assert.True(template.Property(queue, "properties", "deadLetteringOnMessageExpiration")?.GetValue<bool>());

        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.HostJson));
        var functionTimeout = TimeSpan.Parse(host.RootElement.GetProperty("functionTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var lockDuration = XmlConvert.ToTimeSpan(template.Property(queue, "properties", "lockDuration")!.GetValue<string>());
        Assert.Equal(functionTimeout, lockDuration);
    }

    [Fact]
    public void KeyVault_UsesRbacSoftDeleteAndPurgeProtection()
    {
        var (template, vault) = Main.Single("Microsoft.KeyVault/vaults");

        Assert.True(template.Property(vault, "properties", "enableRbacAuthorization")?.GetValue<bool>());
        Assert.True(template.Property(vault, "properties", "enableSoftDelete")?.GetValue<bool>());
        Assert.True(template.Property(vault, "properties", "enablePurgeProtection")?.GetValue<bool>());
        Assert.Null(template.Property(vault, "properties", "accessPolicies"));
    }

    [Fact]
    public void Storage_SharedKeyAccessOff_AndMonitoringWithoutLocalAuth()
    {
        var (template, account) = Main.Single("Microsoft.Storage/storageAccounts");
        Assert.False(template.Property(account, "properties", "allowSharedKeyAccess")?.GetValue<bool>());
        Assert.False(template.Property(account, "properties", "allowBlobPublicAccess")?.GetValue<bool>());

        var (aiTemplate, appInsights) = Main.Single("Microsoft.Insights/components");
        Assert.True(aiTemplate.Property(appInsights, "properties", "DisableLocalAuth")?.GetValue<bool>());
        Assert.NotNull(aiTemplate.Property(appInsights, "properties", "WorkspaceResourceId"));
        Assert.Single(Main.ResourcesOfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Template_NeverReadsKeysOrConnectionStrings()
    {
        var json = bicep.Template.ToJsonString();

        foreach (var forbidden in new[] { "listKeys", "listConnectionStrings", "listAccountSas", "AccountKey=", "SharedAccessKey" })
            Assert.DoesNotContain(forbidden, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RoleAssignments_NamedByGuid_WithRoleIdsNamedInVariables()
    {
        var assignments = Main.ResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();
        Assert.NotEmpty(assignments);
        foreach (var (template, assignment) in assignments)
        {
            Assert.StartsWith("[guid(", assignment["name"]!.GetValue<string>(), StringComparison.Ordinal);
            var roleDefinitionId = assignment["properties"]!["roleDefinitionId"]!.GetValue<string>();
            Assert.Contains("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables(", roleDefinitionId, StringComparison.Ordinal);
        }

        var roleTemplates = assignments.Select(a => a.Template).Distinct().ToList();
        var roleIds = roleTemplates.SelectMany(t => (t.Json["variables"] as JsonObject ?? []).Select(p => p.Value))
            .OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) && Guid.TryParse(s, out _) ? s : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Exactly what the app does, plus the operator's optional package upload (Storage Blob Data Contributor).
        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner: host storage, deployment package
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor: host storage
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor: state tables
            "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", // Azure Service Bus Data Sender: events, retries, replays
            "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", // Azure Service Bus Data Receiver: the triggers
            "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", // Key Vault Secrets Officer: read and write secrets (OAuth tokens)
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher: telemetry with Entra ID
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor: operator's package upload
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), roleIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppServiceAuthentication_ForTheConsole_LetsUnauthenticatedRequestsThrough_WithTheRegistrationGiven()
    {
        var (template, auth) = Main.Single("Microsoft.Web/sites/config");

        Assert.Equal("[format('{0}/{1}', parameters('name'), 'authsettingsV2')]", auth["name"]?.GetValue<string>());
        // Only with a client id; without one the console has no sign-in (and never believes a principal header).
        Assert.Equal("[not(empty(parameters('consoleClientId')))]", auth["condition"]?.GetValue<string>());
        Assert.True(template.Property(auth, "properties", "platform", "enabled")?.GetValue<bool>());
        // Webhooks, RADIUS and the admin API keep working: nothing is redirected or refused by the platform.
        Assert.False(template.Property(auth, "properties", "globalValidation", "requireAuthentication")?.GetValue<bool>());
        Assert.Equal("AllowAnonymous", template.Property(auth, "properties", "globalValidation", "unauthenticatedClientAction")?.GetValue<string>());
        Assert.True(template.Property(auth, "properties", "httpSettings", "requireHttps")?.GetValue<bool>());
        var entra = template.Property(auth, "properties", "identityProviders", "azureActiveDirectory")!;
        Assert.True(entra["enabled"]?.GetValue<bool>());
        Assert.Equal("[parameters('consoleClientId')]", entra["registration"]?["clientId"]?.GetValue<string>());
        Assert.Contains("environment().authentication.loginEndpoint, tenant().tenantId", entra["registration"]?["openIdIssuer"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(entra["registration"]?["clientSecretSettingName"]);

        Assert.Equal("", Main.Json["parameters"]?["consoleClientId"]?["defaultValue"]?.GetValue<string>());
        var functionApp = Main.Resources.Single(r => ArmTemplate.Type(r) == "Microsoft.Resources/deployments" && r["name"]?.GetValue<string>() == "function-app");
        Assert.Equal("[parameters('consoleClientId')]", functionApp["properties"]?["parameters"]?["consoleClientId"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void Outputs_NameUrlAndWebhookPatterns()
    {
        var outputs = Main.Json["outputs"]!.AsObject();
        string Output(string name) =>
            (outputs[name]?["value"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"main.bicep has no output '{name}'."))
                .Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);

        Assert.NotNull(outputs["functionAppName"]);
        Assert.Contains("https://", Output("functionAppUrl"), StringComparison.Ordinal);
        Assert.Contains("/api/webhooks/coworks/{connectorId}'", Output("coworksWebhookUrlPattern"), StringComparison.Ordinal);
        Assert.Contains("/api/webhooks/cobot/{connectorId}/{callbackToken}'", Output("cobotWebhookUrlPattern"), StringComparison.Ordinal);
        Assert.Contains("/console'", Output("consoleUrl"), StringComparison.Ordinal);
        Assert.Contains("/.auth/login/aad/callback'", Output("consoleRedirectUri"), StringComparison.Ordinal);
        foreach (var (name, output) in outputs)
            Assert.NotEqual("securestring", output?["type"]?.GetValue<string>()?.ToLowerInvariant());
    }
}
