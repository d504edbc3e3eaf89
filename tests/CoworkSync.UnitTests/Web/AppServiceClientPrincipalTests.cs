using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CoworkSync.Functions.Console.Authentication;

namespace CoworkSync.UnitTests.Web;

public sealed class AppServiceClientPrincipalTests
{
    private const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    [Fact]
    public void TryRead_EntraPrincipal_KeepsNameObjectIdAndTheConsoleRolesOfTheRolesClaim()
    {
        var header = Encode(new
        {
            auth_typ = "aad",
            claims = new object[]
            {
                new { typ = "name", val = "Grace Hopper" },
                new { typ = "preferred_username", val = "grace@contoso.example" },
                new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "0b7c1d2e-0000-4000-8000-000000000001" },
                new { typ = "roles", val = "Support" },
                new { typ = "roles", val = "Billing.Admin" },
            },
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            role_typ = RoleType,
        });

        Assert.True(AppServiceClientPrincipal.TryRead(header, out var principal, out var problem), problem);

        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Equal("aad", principal.Identity.AuthenticationType);
        Assert.Equal("Grace Hopper", principal.Identity.Name);
        Assert.Equal("0b7c1d2e-0000-4000-8000-000000000001", principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal([ConsoleRoles.Support], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.True(principal.IsInRole(ConsoleRoles.Support));
        Assert.False(principal.IsInRole(ConsoleRoles.Operator));
    }

    [Theory]
    [InlineData("roles", "Operator")]
    [InlineData("roles", "operator")]
    [InlineData(RoleType, " OPERATOR ")]
    [InlineData(ClaimTypes.Role, "Operator")]
    public void TryRead_RoleInAnyClaimTypeTheRolesCanArriveAs_MapsToTheCanonicalRole(string type, string value)
    {
        var header = Encode(new { auth_typ = "aad", claims = new[] { new { typ = type, val = value } }, role_typ = RoleType });

        Assert.True(AppServiceClientPrincipal.TryRead(header, out var principal, out _));

        Assert.Equal([ConsoleRoles.Operator], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    [Fact]
    public void TryRead_ClaimsThatOnlyLookLikeRoles_GrantNothing()
    {
        var header = Encode(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "groups", val = "Operator" }, new { typ = "scp", val = "Operator" }, new { typ = "roles", val = "Operators" } },
        });

        Assert.True(AppServiceClientPrincipal.TryRead(header, out var principal, out _));

        Assert.Empty(principal.FindAll(ClaimTypes.Role));
    }

    [Fact]
    public void TryRead_NameFromTheNameTypeTheHeaderNames_BeforeTheUsualClaims()
    {
        var header = Encode(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "name", val = "Display Name" }, new { typ = "upn_custom", val = "ada@contoso.example" } },
            name_typ = "upn_custom",
        });

        Assert.True(AppServiceClientPrincipal.TryRead(header, out var principal, out _));

        Assert.Equal("ada@contoso.example", principal.Identity!.Name);
    }

    [Fact]
    public void TryRead_Base64WithoutPadding_IsRead()
    {
        var header = Encode(new { auth_typ = "aad", claims = new[] { new { typ = "name", val = "A" } } }).TrimEnd('=');

        Assert.True(AppServiceClientPrincipal.TryRead(header, out var principal, out _));
        Assert.Equal("A", principal.Identity!.Name);
    }

    [Theory]
    [InlineData("not base64 at all!", "it is not base64")]
    [InlineData("bm90IGpzb24=", "it is not JSON")]
    [InlineData("WzEsMl0=", "it has no claims array")]
    [InlineData("eyJjbGFpbXMiOiJ4In0=", "it has no claims array")]
    public void TryRead_UnreadableHeader_IsRefusedWithAReasonThatQuotesNothingOfIt(string header, string expected)
    {
        Assert.False(AppServiceClientPrincipal.TryRead(header, out var principal, out var problem));

        Assert.Equal(expected, problem);
        Assert.False(principal.Identity?.IsAuthenticated ?? false);
    }

    [Fact]
    public void TryRead_HeaderLongerThanTheLimit_IsRefusedBeforeDecoding()
    {
        var header = new string('A', AppServiceClientPrincipal.MaxHeaderLength + 4);

        Assert.False(AppServiceClientPrincipal.TryRead(header, out _, out var problem));
        Assert.Contains("longer than", problem, StringComparison.Ordinal);
    }

    internal static string Encode(object principal) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
}
