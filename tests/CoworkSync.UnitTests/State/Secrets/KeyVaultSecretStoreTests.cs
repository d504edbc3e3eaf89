using Azure;
using Azure.Security.KeyVault.Secrets;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CoworkSync.UnitTests.State.Secrets;

public sealed class KeyVaultSecretStoreTests
{
    private readonly Mock<SecretClient> _client = new(MockBehavior.Strict);
    private readonly KeyVaultSecretStore _store;

    public KeyVaultSecretStoreTests()
    {
        _store = new KeyVaultSecretStore(_client.Object, NullLogger<KeyVaultSecretStore>.Instance);
    }

    [Fact]
    public async Task GetAsync_SecretExists_ReturnsValue()
    {
        _client.Setup(c => c.GetSecretAsync("cobot-api-key", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(Secret("cobot-api-key", "s3cr3t"), Mock.Of<Response>()));

        var value = await _store.GetAsync("cobot-api-key", CancellationToken.None);

        Assert.Equal("s3cr3t", value);
    }

    [Fact]
    public async Task GetAsync_SecretMissing_ReturnsNull()
    {
        _client.Setup(c => c.GetSecretAsync("cobot-api-key", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(KeyVaultFailures.NotFound());

        var value = await _store.GetAsync("cobot-api-key", CancellationToken.None);

        Assert.Null(value);
    }

    [Fact]
    public async Task GetAsync_SecretDisabled_Throws()
    {
        _client.Setup(c => c.GetSecretAsync("cobot-api-key", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(KeyVaultFailures.Forbidden("SecretDisabled"));

        var exception = await Assert.ThrowsAsync<RequestFailedException>(() => _store.GetAsync("cobot-api-key", CancellationToken.None));

        Assert.Equal(403, exception.Status);
    }

    [Fact]
    public async Task GetAsync_InvalidName_ThrowsWithoutCallingTheVault()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync("Not_Valid", CancellationToken.None));

        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SetAsync_NewName_SetsValue()
    {
        _client.Setup(c => c.SetSecretAsync("cobot-api-key", "s3cr3t", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(Secret("cobot-api-key", "s3cr3t"), Mock.Of<Response>()));

        await _store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);

        _client.Verify(c => c.SetSecretAsync("cobot-api-key", "s3cr3t", It.IsAny<CancellationToken>()), Times.Once);
        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SetAsync_NameDeletedButRecoverable_RecoversThenSets()
    {
        var calls = new List<string>();
        _client.SetupSequence(c => c.SetSecretAsync("cobot-api-key", "s3cr3t", It.IsAny<CancellationToken>()))
            .ThrowsAsync(KeyVaultFailures.Conflict("ObjectIsDeletedButRecoverable"))
            .ReturnsAsync(Response.FromValue(Secret("cobot-api-key", "s3cr3t"), Mock.Of<Response>()));
        var recovery = new Mock<RecoverDeletedSecretOperation>(MockBehavior.Strict);
        recovery.Setup(o => o.WaitForCompletionAsync(It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("recovery completed"))
            .ReturnsAsync(Response.FromValue(SecretModelFactory.SecretProperties(name: "cobot-api-key"), Mock.Of<Response>()));
        _client.Setup(c => c.StartRecoverDeletedSecretAsync("cobot-api-key", It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("recovery started"))
            .ReturnsAsync(recovery.Object);

        await _store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);

        Assert.Equal(["recovery started", "recovery completed"], calls);
        _client.Verify(c => c.SetSecretAsync("cobot-api-key", "s3cr3t", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task SetAsync_OtherConflict_ThrowsWithoutRecovering()
    {
        _client.Setup(c => c.SetSecretAsync("cobot-api-key", "s3cr3t", It.IsAny<CancellationToken>()))
            .ThrowsAsync(KeyVaultFailures.Conflict("ObjectIsBeingDeleted"));

        var exception = await Assert.ThrowsAsync<RequestFailedException>(() => _store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None));

        Assert.Equal(409, exception.Status);
        _client.Verify(c => c.StartRecoverDeletedSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DeleteAsync_SecretExists_StartsDeletionAndWaitsForIt()
    {
        var deletion = new Mock<DeleteSecretOperation>(MockBehavior.Strict);
        deletion.Setup(o => o.WaitForCompletionAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(
                SecretModelFactory.DeletedSecret(SecretModelFactory.SecretProperties(name: "cobot-api-key")), Mock.Of<Response>()));
        _client.Setup(c => c.StartDeleteSecretAsync("cobot-api-key", It.IsAny<CancellationToken>()))
            .ReturnsAsync(deletion.Object);

        await _store.DeleteAsync("cobot-api-key", CancellationToken.None);

        _client.Verify(c => c.StartDeleteSecretAsync("cobot-api-key", It.IsAny<CancellationToken>()), Times.Once);
        deletion.Verify(o => o.WaitForCompletionAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DeleteAsync_SecretMissing_Completes()
    {
        _client.Setup(c => c.StartDeleteSecretAsync("cobot-api-key", It.IsAny<CancellationToken>()))
            .ThrowsAsync(KeyVaultFailures.NotFound());

        await _store.DeleteAsync("cobot-api-key", CancellationToken.None);

        _client.Verify(c => c.StartDeleteSecretAsync("cobot-api-key", It.IsAny<CancellationToken>()), Times.Once);
    }

    private static KeyVaultSecret Secret(string name, string value) =>
        SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value);
}
