using CoworkSync.Processing;

namespace CoworkSync.Connectors.Cobot;

/// <summary>Cobot failures in an event handler as the failure policy understands them.</summary>
public static class CobotFailures
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (CobotApiException ex) when (ex.IsTransient)
        {
            throw new TransientEventException(ex.Message, ex, ex.RetryAfter);
        }
        catch (CobotApiException ex)
        {
            throw new PermanentEventException("PlatformRefused", ex.Message, ex);
        }
        catch (CobotPayloadException ex)
        {
            throw new PermanentEventException(DeadLetterReasons.InvalidPayload, ex.Message, ex);
        }
        catch (MissingCredentialsException ex)
        {
            throw new PermanentEventException("MissingCredentials", ex.Message, ex);
        }
    }
}
