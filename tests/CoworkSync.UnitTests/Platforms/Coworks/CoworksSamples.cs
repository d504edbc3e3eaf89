using System.Text;
using System.Text.Json.Nodes;

namespace CoworkSync.UnitTests.Platforms.Coworks;

/// <summary>Wire-format samples in the documented contract, editable per test.</summary>
internal static class CoworksSamples
{
    public const string FullEvent = """
        {
          "id": "evt_1",
          "type": "membership.activated",
          "created_at": "2026-11-01T09:30:05Z",
          "space_id": "spc_123",
          "data": {
            "member": {
              "id": "mem_42",
              "first_name": "Ada",
              "last_name": "Lovelace",
              "email": "ada@example.com",
              "status": "active",
              "location_id": "loc_1",
              "updated_at": "2026-11-01T09:30:00+01:00"
            },
            "membership": {
              "id": "ms_7",
              "status": "active",
              "plan": { "id": "pln_flex", "name": "Flex" },
              "starts_on": "2026-11-01",
              "ends_on": null,
              "billing_cycle_anchor": "2026-11-01"
            }
          }
        }
        """;

    public static JsonObject Event() => JsonNode.Parse(FullEvent)!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
