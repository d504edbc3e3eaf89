using System.Text.Json;
using Azure;

namespace CoworkSync.State.Secrets;

/// <summary>
/// Reads Key Vault's inner error code, which tells the kinds of 409 apart; the SDK's <c>ErrorCode</c> only says "Conflict".
/// </summary>
internal static class KeyVaultErrors
{
    public const string ObjectIsDeletedButRecoverable = "ObjectIsDeletedButRecoverable";

    public static string? InnerErrorCode(RequestFailedException exception)
    {
        // Only a buffered response has its content at hand; Key Vault's responses are buffered.
        if (exception.GetRawResponse() is not { ContentStream: MemoryStream, Content: { } content })
            return null;

        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                && inner.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
