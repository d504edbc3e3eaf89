using System.Text.Json.Serialization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Source-generated (de)serialization of Coworks' wire format. Unknown properties are ignored.</summary>
[JsonSerializable(typeof(CoworksWebhookPayload))]
[JsonSerializable(typeof(CoworksDataResponse<CoworksMember>))]
[JsonSerializable(typeof(CoworksDataResponse<IReadOnlyList<CoworksPlan>>))]
[JsonSerializable(typeof(CoworksPagedResponse<CoworksMember>))]
internal sealed partial class CoworksJsonContext : JsonSerializerContext;
