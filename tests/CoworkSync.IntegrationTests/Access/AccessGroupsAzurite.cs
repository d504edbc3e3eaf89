using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.Access;

/// <summary>
/// An Azurite of the access-group tests' own: they replace default groups, which tests sharing the common instance
/// (RADIUS ones, for a start) rely on. A test that replaces a default deletes its row again with <see cref="ResetAsync"/>.
/// </summary>
public sealed class AccessGroupsAzurite : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Not started.")).ConnectionString;

    public TableClient Table => new TableServiceClient(ConnectionString).GetTableClient(TableNames.AccessGroups);

    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }

    /// <summary>Back to the defaults for these ids: their stored rows are deleted.</summary>
    public async Task ResetAsync(params string[] groupIds)
    {
        await Table.CreateIfNotExistsAsync();
        foreach (var id in groupIds)
            await Table.DeleteEntityAsync("groups", id);
    }
}
