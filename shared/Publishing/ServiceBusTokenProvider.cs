using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace CoworkSync.Publishing;

/// <summary>
/// Microsoft Entra tokens for Service Bus, reused until five minutes before they expire. Safe to share: one
/// refresh at a time, readers of a fresh token never wait.
/// </summary>
public sealed class ServiceBusTokenProvider(TokenCredential credential, TimeProvider time) : IDisposable
{
    public const string Scope = "https://servicebus.azure.net/.default";

    /// <summary>How long before its expiry a cached token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TokenRequestContext Request = new([Scope]);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _cached;

    /// <summary>A bearer token for <see cref="Scope"/>.</summary>
    /// <exception cref="Azure.Identity.AuthenticationFailedException">The credential could not issue a token.</exception>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (IsFresh(cached))
            return cached.Token;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            cached = Volatile.Read(ref _cached);
            if (IsFresh(cached))
                return cached.Token;

            var issued = await credential.GetTokenAsync(Request, cancellationToken);
            Volatile.Write(ref _cached, new CachedToken(issued.Token, issued.ExpiresOn));
            return issued.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh([NotNullWhen(true)] CachedToken? token) =>
        token is not null && time.GetUtcNow() < token.ExpiresOn - RefreshMargin;

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
