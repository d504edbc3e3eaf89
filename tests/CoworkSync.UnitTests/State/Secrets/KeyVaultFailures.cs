using System.Text;
using Azure;
using Moq;

namespace CoworkSync.UnitTests.State.Secrets;

/// <summary>Key Vault's error answers, as the SDK surfaces them.</summary>
internal static class KeyVaultFailures
{
    public static RequestFailedException NotFound() =>
        WithBody(404, """{"error":{"code":"SecretNotFound","message":"A secret with (name/id) some-name was not found in this key vault."}}""");

    public static RequestFailedException Forbidden(string innerCode) =>
        WithBody(403, $$$$"""{"error":{"code":"Forbidden","message":"Operation get is not allowed.","innererror":{"code":"{{{{innerCode}}}}"}}}""");

    public static RequestFailedException Conflict(string innerCode) =>
        WithBody(409, $$$$"""{"error":{"code":"Conflict","message":"Secret some-name cannot be set now.","innererror":{"code":"{{{{innerCode}}}}"}}}""");

    private static RequestFailedException WithBody(int status, string json)
    {
        var response = new Mock<Response> { CallBase = true };
        response.SetupGet(r => r.Status).Returns(status);
        response.SetupGet(r => r.ReasonPhrase).Returns("Error");
        response.SetupGet(r => r.ContentStream).Returns(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return new RequestFailedException(response.Object);
    }
}
