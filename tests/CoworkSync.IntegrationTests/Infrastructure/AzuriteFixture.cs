namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite instance shared by every test class in the "azurite" collection:
/// <c>[Collection(AzuriteCollection.Name)]</c> and take an <see cref="AzuriteFixture"/> in the constructor.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    public AzuriteInstance Azurite =>
        _azurite ?? throw new InvalidOperationException("The Azurite fixture has not been initialized.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
