using System.Text;
using CoworkSync.Administration.Audit;
using CoworkSync.Functions.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.UnitTests.Admin;

/// <summary>
/// Who the audit log names for an admin API call: the App Service principal only when the platform's authentication is
/// on for the app under the Functions host (anyone can send the header otherwise), else <c>by</c>, else the key's holder.
/// </summary>
public sealed class AdminActorTests
{
    private static readonly Dictionary<string, string?> UnderHostWithAuthentication = new()
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777",
        ["WEBSITE_AUTH_ENABLED"] = "True",
    };

    [Fact]
    public void ThePrincipalHeader_IsBelieved_UnderTheHostWithPlatformAuthenticationOn()
    {
        var request = Request(UnderHostWithAuthentication, "?by=carol", principal: "grace@contoso.example");

        Assert.Equal(AuditActor.ThroughAdminApi("grace@contoso.example"), AdminActor.FromQuery(request).Actor);
    }

    public static TheoryData<Dictionary<string, string?>> Untrusted => new()
    {
        new Dictionary<string, string?>(),
        new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777" },
        new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777", ["WEBSITE_AUTH_ENABLED"] = "False" },
        // Local mode: nothing in front of the app strips a header a client sent, whatever the settings say.
        new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = "True" },
    };

    [Theory]
    [MemberData(nameof(Untrusted))]
    public void ThePrincipalHeader_IsIgnored_WhenThePlatformDidNotSetIt(Dictionary<string, string?> settings)
    {
        Assert.Equal("carol", AdminActor.FromQuery(Request(settings, "?by=carol", principal: "mallory")).Actor.Name);
        Assert.Equal(AuditActor.AdminApiKeyHolder, AdminActor.FromQuery(Request(settings, "", principal: "mallory")).Actor.Name);
    }

    [Fact]
    public async Task ReadAsync_TakesByAndCommentFromTheBody_OverTheQuery()
    {
        var request = Request([], "?by=query&comment=q", body: """{"by":"body","comment":"member left"}""");

        var actor = await AdminActor.ReadAsync(request, CancellationToken.None);

        Assert.Null(actor.Problem);
        Assert.Equal("body", actor.Actor.Name);
        Assert.Equal("member left", actor.Comment);
    }

    [Fact]
    public async Task ANameTooLong_OrABodyThatIsNotAnObject_IsRefused()
    {
        Assert.NotNull(AdminActor.FromQuery(Request([], "?by=" + new string('a', AuditActor.MaxNameLength + 1))).Problem);
        Assert.NotNull((await AdminActor.ReadAsync(Request([], "", body: "[1]"), CancellationToken.None)).Problem);
    }

    private static HttpRequest Request(Dictionary<string, string?> settings, string query, string? principal = null, string? body = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.QueryString = new QueryString(query);
        if (principal is not null)
            context.Request.Headers[AdminActor.PrincipalHeader] = principal;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }
        return context.Request;
    }
}
