using System.Net;
using System.Text;
using System.Text.Json;

namespace CoworkSync.UnitTests.Platforms.Coworks;

/// <summary>Coworks API response bodies in the documented format.</summary>
internal static class CoworksApiJson
{
    public static object Member(string id, string status = "active", string? membershipStatus = "active", string plan = "pln_flex") => new Dictionary<string, object?>
    {
        ["id"] = id,
        ["first_name"] = "Ada",
        ["last_name"] = "Lovelace",
        ["email"] = $"{id}@example.com",
        ["status"] = status,
        ["location_id"] = "loc_1",
        ["updated_at"] = "2026-11-01T09:30:00Z",
        ["membership"] = membershipStatus is null ? null : new Dictionary<string, object?>
        {
            ["id"] = "ms_" + id,
            ["status"] = membershipStatus,
            ["plan"] = new { id = plan, name = "Flex" },
            ["starts_on"] = "2026-11-01",
            ["ends_on"] = null,
            ["billing_cycle_anchor"] = "2026-11-01",
        },
    };

    public static HttpResponseMessage Page(int page, int totalPages, params object[] members) =>
        Json(new { data = members, meta = new { page, total_pages = totalPages } });

    public static HttpResponseMessage Single(object member) => Json(new { data = member });

    public static HttpResponseMessage Plans(params (string Id, string Name)[] plans) =>
        Json(new { data = plans.Select(p => new { id = p.Id, name = p.Name }) });

    public static HttpResponseMessage Json(object body, HttpStatusCode status = HttpStatusCode.OK) => Text(JsonSerializer.Serialize(body), status);

    public static HttpResponseMessage Text(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
