using System.Globalization;
using System.Text;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// Local mode's "sending": writes each member's email (the welcome email, and those others compose) as an <c>.eml</c> file (openable in any mail client) into
/// <see cref="EmailOptions.OutboxPath"/>, named <c>{UTC time}-{recipient}-{random}.eml</c>. The file appears whole
/// or not at all, and only its owner can read it: it may hold a password or a sign-in link.
/// </summary>
public sealed partial class EmlFileWelcomeEmailSender(
    WelcomeEmailComposer composer,
    IOptions<EmailOptions> options,
    TimeProvider timeProvider,
    ILogger<EmlFileWelcomeEmailSender> logger) : IWelcomeEmailSender, IMemberEmailSender
{
    private const int MaxRecipientLength = 64;

    public Task SendAsync(WelcomeEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return WriteAsync(composer.Compose(email), email.ToAddress, "welcome", email.Username, cancellationToken);
    }

    public Task SendAsync(MemberEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return WriteAsync(email.Message, email.ToAddress, email.Kind, email.Username, cancellationToken);
    }

    private async Task WriteAsync(MimeKit.MimeMessage message, string toAddress, string kind, string username, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.OutboxPath);
        var path = Path.Combine(directory, FileName(timeProvider.GetUtcNow(), toAddress));
        var temporaryPath = path + ".tmp";
        try
        {
            CreateOwnerOnlyDirectory(directory);
            await using (var stream = CreateOwnerOnlyFile(temporaryPath))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporaryPath, path, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TransientEventException($"The {kind} email could not be written to the outbox {directory}: {ex.Message}", ex);
        }
        finally
        {
            DeleteQuietly(temporaryPath);
        }
        LogWritten(kind, username, path);
    }

    /// <summary>e.g. <c>20250301T101530123Z-alice@example.com-1a2b3c4d.eml</c>; characters other than letters, digits, <c>@._-</c> become <c>_</c>.</summary>
    internal static string FileName(DateTimeOffset time, string recipient)
    {
        var safe = new StringBuilder(Math.Min(recipient.Length, MaxRecipientLength));
        foreach (var c in recipient.Trim().ToLowerInvariant())
        {
            if (safe.Length == MaxRecipientLength)
                break;
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' ? c : '_');
        }
        var stamp = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        return $"{stamp}-{safe.ToString().TrimStart('.')}-{Guid.NewGuid().ToString("N")[..8]}.eml";
    }

    private static void CreateOwnerOnlyDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static FileStream CreateOwnerOnlyFile(string path)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, fileOptions);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a leftover temporary file; the outbox ignores anything but *.eml.
        }
    }

    [LoggerMessage(EventId = 610, EventName = "WelcomeEmailWritten", Level = LogLevel.Information, Message = "No SMTP server is configured: wrote the {EmailKind} email for WiFi user {Username} to {EmlPath}")]
    private partial void LogWritten(string emailKind, string username, string emlPath);
}
