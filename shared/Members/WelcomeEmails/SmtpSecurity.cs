namespace CoworkSync.Members.WelcomeEmails;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS. Credentials, if any, are sent unencrypted: only for a local relay or a test sink.</summary>
    None,

    /// <summary>Upgrade with STARTTLS after connecting; fail if the server does not offer it (the usual choice for port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>
    /// TLS on connect for port 465, otherwise STARTTLS when the server offers it. Credentials are never sent over a
    /// connection that ended up unencrypted.
    /// </summary>
    Auto,
}
