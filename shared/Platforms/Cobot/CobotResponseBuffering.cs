namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Reads each Cobot answer's body inside its attempt, so the attempt's timeout (<c>Cobot__Timeout</c>) covers the body
/// too: the HttpClient's own timeout is infinite (waits for rate-limit slots can be long), and the body is otherwise
/// read after the resilience pipeline has let go.
/// </summary>
public sealed class CobotResponseBuffering : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
