using System.Security.Claims;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Portal.SignIn;
using CoworkSync.MemberPortal.Accounts;

namespace CoworkSync.UnitTests.Portal;

public sealed class PortalMemberTests
{
    [Fact]
    public void TheProvenMembers_SurviveTheSession_WhateverCharactersTheirIdsHold()
    {
        ProvenMember[] members = [new("co-up", "ms-1"), new("berlin", "mem/with%odd chars"), new("co-up", "ms-1")];

        var principal = PortalMember.Principal(members, "alex@example.com", "with Cobot");

        Assert.Equal([new ProvenMember("co-up", "ms-1"), new ProvenMember("berlin", "mem/with%odd chars")], PortalMember.Proven(principal));
        Assert.Equal("member alex@example.com (signed in with Cobot)", PortalMember.Actor(principal));
    }

    [Fact]
    public void AnotherFacesUser_OrNobody_ProvesNoMember()
    {
        var console = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalMember.MemberClaim, "co-up/ms-1")], "LocalAdminKey"));

        Assert.Empty(PortalMember.Proven(console));
        Assert.Empty(PortalMember.Proven(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [InlineData("co-up", "ms-1", true)]
    [InlineData("co-up", "ms-2", false)]
    [InlineData("co-down", "ms-1", false)]
    [InlineData("CO-UP", "ms-1", false)]
    [InlineData(null, "ms-1", false)]
    public void OwnAccounts_ProveOnlyTheExactIdsTheSessionHolds(string? connector, string member, bool proves) =>
        Assert.Equal(proves, OwnAccounts.Proves([new ProvenMember("co-up", "ms-1")], connector, member));

    [Fact]
    public void ThePkceChallenge_IsRfc7636sS256() =>
        // base64url without padding of the SHA-256 of the verifier's ASCII, as Python's hashlib and base64 compute it.
        Assert.Equal("BxY1bi0QH12TVqBe3T7MqKHguetgeh8D-zeNwnCI92w", PlatformSignInCookie.Challenge("dBjftJeZ4CVP-mJ92K9EPNX4nQK8O2Hv5oKa7aXlX9M"));
}
