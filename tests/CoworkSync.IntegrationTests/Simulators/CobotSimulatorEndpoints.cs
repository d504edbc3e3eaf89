using System.Text.Json.Nodes;

namespace CoworkSync.IntegrationTests.Simulators;

/// <summary>The two hosts Cobot documents: <c>https://www.cobot.me</c> (OAuth, tokens, spaces) and a space's <c>https://{subdomain}.cobot.me</c> (API1).</summary>
public enum CobotSimHost
{
    Www,
    Space,
}

/// <summary>An endpoint the simulator serves: on the host Cobot documents it, with the page it follows.</summary>
/// <param name="Path">Segments; <c>{name}</c> stands for any one segment.</param>
public sealed record CobotSimEndpoint(CobotSimHost Host, string Method, string Path, string Documentation)
{
    /// <summary>Whether <paramref name="path"/> is this endpoint's; <paramref name="values"/> are the <c>{…}</c> segments.</summary>
    public bool Matches(string method, string path, out IReadOnlyList<string> values)
    {
        values = [];
        if (!string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            return false;
        var template = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (template.Length != segments.Length)
            return false;
        var found = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{'))
                found.Add(segments[i]);
            else if (!string.Equals(template[i], segments[i], StringComparison.Ordinal))
                return false;
        }
        values = found;
        return true;
    }
}

/// <summary>
/// Every endpoint the simulator serves, in one place, each on the host Cobot documents it and with the page it follows.
/// Anything else is answered 404 with a body naming the host, method and path, recorded as
/// <see cref="CobotSimulator.Unserved"/>, and fails the test when the simulator is disposed: a call to an endpoint Cobot
/// does not document cannot pass unnoticed.
/// </summary>
public sealed partial class CobotSimulator
{
    private const string OAuthFlowPage = "https://dev.cobot.me/api-docs/oauth-flow";
    private const string SpacesPage = "https://dev.cobot.me/api-docs/spaces";
    private const string AccessTokensPage = "https://dev.cobot.me/api-docs/access-tokens";
    private const string PlansPage = "https://dev.cobot.me/api-docs/plans";
    private const string MembershipsPage = "https://dev.cobot.me/api-docs/memberships";
    private const string CustomFieldsPage = "https://dev.cobot.me/api-docs/custom-fields";
    private const string WebhooksPage = "https://dev.cobot.me/api-docs/webhooks-api";
    private const string CheckInsPage = "https://dev.cobot.me/api-docs/check-ins";
    private const string UsersPage = "https://dev.cobot.me/api-docs/users";

    private static readonly IReadOnlyList<Served> Endpoints =
    [
        // www: OAuth (the admin's browser, then the code exchange), the space's details, space-owned tokens.
        new(new(CobotSimHost.Www, "GET", "/oauth/authorize", OAuthFlowPage), (sim, call) => sim.AuthorizePage(call), NeedsToken: false),
        new(new(CobotSimHost.Www, "POST", "/oauth/access_token", OAuthFlowPage), (sim, call) => sim.TokenExchange(call), NeedsToken: false),
        new(new(CobotSimHost.Www, "GET", "/api/spaces/{subdomain}", SpacesPage + " (Get space details)"), (sim, call) => sim.SpaceDetails(call)),
        new(new(CobotSimHost.Www, "POST", "/api/access_tokens/{token}/space", AccessTokensPage + " (Create access token for a space)"), (sim, call) => sim.CreateSpaceToken(call)),
        new(new(CobotSimHost.Www, "DELETE", "/api/access_tokens/{token}", AccessTokensPage + " (Revoke access token)"), (sim, call) => sim.Revoke(call)),
        new(new(CobotSimHost.Www, "GET", "/api/user", UsersPage + " (the signed-in user and their memberships; scope read_user)"), (sim, call) => sim.CurrentUser(call.Token)),

        // The space's subdomain: API1.
        new(new(CobotSimHost.Space, "GET", "/api/plans", PlansPage), (sim, _) => sim.ListPlans()),
        new(new(CobotSimHost.Space, "GET", "/api/memberships", MembershipsPage + " (List members; 6 rpm)"), (sim, _) => sim.ListMemberships(), MembershipList: true),
        new(new(CobotSimHost.Space, "GET", "/api/memberships/{id}", MembershipsPage + "; the URL a webhook carries (" + WebhooksPage + ")"), (sim, call) => sim.GetMembership(call)),
        new(new(CobotSimHost.Space, "GET", "/api/memberships/{id}/custom_fields", CustomFieldsPage), (sim, call) => sim.GetMembershipFields(call)),
        new(new(CobotSimHost.Space, "GET", "/api/custom_fields", CustomFieldsPage), (sim, _) => sim.ListMembershipFields()),
        new(new(CobotSimHost.Space, "GET", "/api/space/custom_fields", CustomFieldsPage), (sim, _) => sim.ListSpaceFields()),
        new(new(CobotSimHost.Space, "PUT", "/api/space/custom_fields", CustomFieldsPage + " (the whole list; omitted fields are deleted)"), (sim, call) => sim.PutFields(call)),
        new(new(CobotSimHost.Space, "GET", "/api/subscriptions", WebhooksPage), (sim, _) => sim.ListSubscriptions()),
        new(new(CobotSimHost.Space, "POST", "/api/subscriptions", WebhooksPage), (sim, call) => sim.Subscribe(call)),
        new(new(CobotSimHost.Space, "DELETE", "/api/subscriptions/{id}", WebhooksPage + " (the subscription's url, \"needed to delete the subscription\"; the method DELETE is assumed)"),
            (sim, call) => sim.Unsubscribe(call)),
        new(new(CobotSimHost.Space, "POST", "/api/check_in_tokens",
            "https://helpcenter.cobot.me/en/articles/4918016-creating-your-own-rfid-integration-api (\"the check-in token endpoint\"; path and body from open-source integrations)"),
            (sim, call) => sim.RegisterCheckInToken(call)),
        new(new(CobotSimHost.Space, "POST", "/api/check_ins", CheckInsPage + "; https://github.com/cobot/cobot_captive_portal (a check-in by token alone)"), (sim, call) => sim.CheckIn(call)),
    ];

    /// <summary>What the simulator serves, for tests and for checking <see cref="Break"/>.</summary>
    public static IReadOnlyList<CobotSimEndpoint> DocumentedEndpoints { get; } = [.. Endpoints.Select(e => e.Endpoint)];

    /// <param name="NeedsToken">A bearer token Cobot issued (and has not revoked) is required; the call counts against the token's limits.</param>
    /// <param name="MembershipList">Also counts against the 6 a minute of <c>GET /api/memberships</c>.</param>
    private sealed record Served(CobotSimEndpoint Endpoint, Func<CobotSimulator, Call, Answer> Answer, bool NeedsToken = true, bool MembershipList = false);

    /// <param name="Values">The path's <c>{…}</c> segments, in order.</param>
    /// <param name="Query">The raw query, without <c>?</c>.</param>
    /// <param name="Token">The bearer token the call carried (checked already where the endpoint needs one); empty when none.</param>
    private sealed record Call(IReadOnlyList<string> Values, string? Body, string Query, string Token = "");

    private sealed record Answer(int Status, JsonNode? Body = null, string? RetryAfter = null, string? Location = null)
    {
        /// <summary>The body as sent: the JSON's text, or a <see cref="Break"/>'s own.</summary>
        public string? RawBody { get; init; } = Body?.ToJsonString();

        /// <summary>No endpoint is served at this host, method and path.</summary>
        public bool Unserved { get; init; }
    }
}
