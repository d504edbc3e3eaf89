using System.Net;
using System.Text.RegularExpressions;
using CoworkSync.UnitTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoworkSync.UnitTests.Web;

/// <summary>The app in-process as a browser meets it: cookies kept, redirects not followed, forms posted with their token.</summary>
internal static partial class WebApps
{
    public static FunctionAppFactory UnderHost(string? websiteAuthEnabled) => new(new Dictionary<string, string?>
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777",
        ["ServiceBusConnection:fullyQualifiedNamespace"] = "unit-test.servicebus.windows.net",
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["KeyVault:VaultUri"] = "https://unit-test.vault.azure.net/",
        ["Email:SmtpHost"] = "smtp.unit-test.example",
        ["Email:SenderAddress"] = "wifi@unit-test.example",
        ["WEBSITE_AUTH_ENABLED"] = websiteAuthEnabled,
    });

    public static HttpClient Browser(this FunctionAppFactory app, bool https = false) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    /// <summary>Loads <paramref name="page"/> and posts its form <paramref name="formName"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string page, string formName, IDictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        var values = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = Token(html) };
        return await browser.PostAsync(page, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> SignInLocallyAsync(this HttpClient browser, string key, string role, string returnUrl = "/console") =>
        browser.PostFormAsync($"/console/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", "sign-in",
            new Dictionary<string, string> { ["Input.Key"] = key, ["Input.Role"] = role });

    public static string Token(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new Xunit.Sdk.XunitException("The page has no antiforgery token.");

    /// <summary>Where a redirect leads, as a path and query (the framework writes some locations absolute).</summary>
    public static string? Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : null;

    /// <summary>The Set-Cookie header that sets <paramref name="name"/>, lowercased for attribute checks.</summary>
    public static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) && values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) is { } cookie
            ? cookie.ToLowerInvariant()
            : throw new Xunit.Sdk.XunitException($"No Set-Cookie for {name}.");

    public static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) && values.Any(v => v.StartsWith(name + "=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
