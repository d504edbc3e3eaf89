using System.Runtime.CompilerServices;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Coworks' members and plans: the connector's settings and API key make the connection.</summary>
public sealed class CoworksMembers(ICoworksClient client, CoworksCredentials credentials) : IPlatformMembers
{
    public async IAsyncEnumerable<PlatformMember> ListMembersAsync(Connector connector, SyncNotes notes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(connector, cancellationToken);
        await using var members = client.ListMembersAsync(connection, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await Translate(() => members.MoveNextAsync().AsTask()))
            yield return members.Current;
    }

    public async Task<PlatformCheck> CheckAsync(Connector connector, CancellationToken cancellationToken)
    {
        if (CoworksConnectorSettings.Of(connector) is not { } settings)
            return PlatformCheck.Failed("The connector has no Coworks settings.");
        if (await credentials.GetApiKeyAsync(connector.Id, cancellationToken) is not { } apiKey)
            return PlatformCheck.Failed("No API key is set.");
        var check = await client.CheckAsync(new CoworksConnection(settings.ApiBaseUrl, settings.SpaceId, apiKey), cancellationToken);
        return new PlatformCheck(check.Succeeded, check.Message, check.Plans);
    }

    private static async Task<T> Translate<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (CoworksApiException ex)
        {
            throw new PlatformException(ex.Message, ex.IsTransient, ex, ex.RetryAfter);
        }
        catch (CoworksPayloadException ex)
        {
            throw new PlatformException(ex.Message, isTransient: false, ex);
        }
    }

    private async Task<CoworksConnection> ConnectAsync(Connector connector, CancellationToken cancellationToken)
    {
        var settings = CoworksConnectorSettings.Of(connector) ?? throw new InvalidOperationException($"Connector '{connector.Id}' has no Coworks settings.");
        var apiKey = await credentials.GetApiKeyAsync(connector.Id, cancellationToken) ?? throw new MissingCredentialsException(connector.Id);
        return new CoworksConnection(settings.ApiBaseUrl, settings.SpaceId, apiKey);
    }
}
