namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// How welcome emails go out. Settings section <c>Email</c>. Without <see cref="SmtpHost"/> nothing is sent: each
/// message is written as an <c>.eml</c> file into <see cref="OutboxPath"/> (local mode's default).
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender used when <see cref="SenderAddress"/> is empty; only allowed without <see cref="SmtpHost"/>.</summary>
    public const string LocalSenderAddress = "coworksync@localhost";

    /// <summary>The SMTP server (a relay such as Azure Communication Services, SendGrid or the office's mail server); empty writes <c>.eml</c> files instead.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>Default 587 (submission).</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>Default <see cref="SmtpSecurity.Auto"/>.</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;

    /// <summary>The SMTP login; empty sends without authenticating.</summary>
    public string? SmtpUserName { get; set; }

    /// <summary>The SMTP password. In Azure, a Key Vault reference app setting; never logged.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>The From address; required with <see cref="SmtpHost"/>, otherwise <see cref="LocalSenderAddress"/> when empty.</summary>
    public string SenderAddress { get; set; } = "";

    /// <summary>The From display name. Default CoworkSync.</summary>
    public string SenderName { get; set; } = "CoworkSync";

    /// <summary>The WiFi network's name (SSID) the email tells members to join, unless the email names its own. Default CoworkSync.</summary>
    public string NetworkName { get; set; } = "CoworkSync";

    /// <summary>
    /// The member portal's address (<c>https://wifi.example.com/portal</c>), which members' emails link to: the welcome
    /// email points to it, and the portal's sign-in links start with it. Never taken from a request (a forged Host
    /// header would put someone else's address in a sign-in email). Default in Azure: <c>https://{WEBSITE_HOSTNAME}/portal</c>;
    /// locally the app's own address plus <c>/portal</c>. Empty: the welcome email has no link, and no sign-in link is sent.
    /// </summary>
    public string? PortalUrl { get; set; }

    /// <summary>Where <c>.eml</c> files are written without <see cref="SmtpHost"/>. Default <c>{LocalData:Path}/mail</c>.</summary>
    public string OutboxPath { get; set; } = "";

    /// <summary>Time each SMTP network operation (connect, each command) may take. Default 30 s.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string EffectiveSenderAddress => string.IsNullOrWhiteSpace(SenderAddress) ? LocalSenderAddress : SenderAddress.Trim();
}
