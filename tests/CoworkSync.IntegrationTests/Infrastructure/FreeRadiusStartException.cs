namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>FreeRADIUS exited while starting, for example because a port was taken in the meantime.</summary>
public sealed class FreeRadiusStartException : Exception
{
    public FreeRadiusStartException()
    {
    }

    public FreeRadiusStartException(string message)
        : base(message)
    {
    }

    public FreeRadiusStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FreeRadiusStartException(string message, bool portTaken)
        : base(message)
    {
        PortTaken = portTaken;
    }

    /// <summary>It could not bind its port: starting again on fresh ports may work.</summary>
    public bool PortTaken { get; }
}
