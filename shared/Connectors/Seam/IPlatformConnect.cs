namespace CoworkSync.Connectors.Seam;

/// <summary>
/// A platform's interactive connection (an OAuth authorization, say), which a person starts in the browser: the console
/// offers it as a button and sends the signed-in operator to <see cref="ConnectStart.RedirectTo"/>. Optional: a platform
/// whose secrets say it all has none (<see cref="IPlatform.Connect"/> is null). The connection's state is the platform's
/// <see cref="IPlatformViews.StatusAsync"/>.
/// </summary>
public interface IPlatformConnect
{
    /// <summary>The button's text (<c>Connect with Example</c>).</summary>
    string Label { get; }

    /// <summary>One sentence on what happens when it is pressed, and who must do it.</summary>
    string Help { get; }

    /// <summary>Starts the connection: where to send the person, or why it cannot start yet (a secret missing). Stores nothing the connector shows.</summary>
    Task<ConnectStart> StartAsync(Connector connector, CancellationToken cancellationToken);
}

/// <summary>Where a connection starts, or why it cannot.</summary>
/// <param name="RedirectTo">
/// The absolute URL to send the person to, as text (kept exactly as the platform wrote it: a <see cref="Uri"/> could
/// decode escapes again); null when it cannot start.
/// </param>
/// <param name="Problem">What is missing, for the operator (never a secret); null when it can start.</param>
public sealed record ConnectStart(string? RedirectTo, string? Problem)
{
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    public static ConnectStart At(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http"
            ? new(url, null)
            : throw new ArgumentException("A connection starts at an absolute http(s) URL.", nameof(url));

    public static ConnectStart CannotStart(string problem) => new(null, problem);
}
