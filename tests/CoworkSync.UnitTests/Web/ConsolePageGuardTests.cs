using System.Reflection;
using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Console.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace CoworkSync.UnitTests.Web;

/// <summary>
/// Every console page, wherever its folder, takes the console's layout and a console policy (a page in a new folder
/// without the folder's <c>_Imports.razor</c> would otherwise be served to anyone, outside the layout).
/// </summary>
public sealed class ConsolePageGuardTests
{
    /// <summary>The pages shown to someone not (yet) allowed in: signing in, and being refused.</summary>
    private static readonly string[] AnonymousPages = ["/console/sign-in", "/console/access-denied"];

    public static TheoryData<string> ConsolePages()
    {
        var pages = new TheoryData<string>();
        foreach (var type in ConsolePageTypes())
            pages.Add(type.FullName!);
        return pages;
    }

    [Fact]
    public void ThereAreConsolePages() => Assert.Contains(ConsolePageTypes(), t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == "/console/audit"));

    [Theory]
    [MemberData(nameof(ConsolePages))]
    public void ConsolePage_HasTheConsoleLayoutAndAConsolePolicy_OrIsOneOfTheAnonymousPages(string typeName)
    {
        var type = ConsolePageTypes().Single(t => t.FullName == typeName);

        Assert.Equal(typeof(ConsoleLayout), type.GetCustomAttribute<LayoutAttribute>()?.LayoutType);
        if (type.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            Assert.All(type.GetCustomAttributes<RouteAttribute>(), r => Assert.Contains(r.Template, AnonymousPages));
            return;
        }
        var policies = type.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
        Assert.Contains(policies, p => p is ConsolePolicies.Support or ConsolePolicies.Operator);
    }

    private static IEnumerable<Type> ConsolePageTypes() =>
        typeof(ConsoleLayout).Assembly.GetTypes().Where(t =>
            typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template.StartsWith("/console", StringComparison.Ordinal)));
}
