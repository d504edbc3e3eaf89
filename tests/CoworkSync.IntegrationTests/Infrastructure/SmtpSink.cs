using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using MimeKit;

namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd on a free loopback port, saving every message it receives into a
/// maildir (each in <c>new/</c>, with <c>X-MailFrom</c> and <c>X-RcptTo</c> headers added). It accepts any sender
/// and recipient, without TLS or authentication. Dispose it to kill the process and delete the maildir.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string Host = "127.0.0.1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxOutputLines = 100;

    private static readonly Lazy<string?> MissingAiosmtpd = new(FindMissingAiosmtpd);

    private readonly string _root;
    private readonly CapturedOutput _output = new("aiosmtpd", MaxOutputLines);
    private ChildProcess? _process;
    private bool _disposed;

    private SmtpSink(int port)
    {
        Port = port;
        _root = Path.Combine(Path.GetTempPath(), $"coworksync-smtp-sink-{Guid.NewGuid():N}");
        // aiosmtpd creates the maildir (with tmp/, new/ and cur/); it must not exist beforehand, not even empty.
        MaildirPath = Path.Combine(_root, "maildir");
    }

    public int Port { get; }

    public string MaildirPath { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts aiosmtpd and waits until its port accepts connections.</summary>
    /// <exception cref="InvalidOperationException">aiosmtpd is not installed: run <c>bash scripts/test.sh</c>.</exception>
    public static async Task<SmtpSink> StartAsync(CancellationToken cancellationToken = default)
    {
        if (MissingAiosmtpd.Value is { } problem)
            throw new InvalidOperationException(problem);

        return await StartRetry.OnFreshPortsAsync(
            () => Task.FromResult(new SmtpSink(FreePorts.Tcp()[0])),
            sink => sink.StartProcessAsync(cancellationToken),
            e => e is SmtpSinkStartException);
    }

    /// <summary>Kills aiosmtpd (it keeps nothing worth a graceful stop) and waits for it to exit; the messages stay readable.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
            await process.StopAsync();
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReadMessagesAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(MaildirPath, "new");
        if (!Directory.Exists(directory))
            return [];

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            messages.Add(await MimeMessage.LoadAsync(file, cancellationToken));
        return messages;
    }

    /// <summary>Waits for a message to <paramref name="address"/> (in its envelope or its To/Cc headers).</summary>
    /// <exception cref="TimeoutException">None arrived within <paramref name="timeout"/>.</exception>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var messages = await ReadMessagesAsync();
            var match = messages.FirstOrDefault(message => IsAddressedTo(message, address));
            if (match is not null)
                return match;
            if (deadline.Elapsed > timeout)
            {
                var recipients = string.Join(", ", messages.Select(m => m.Headers["X-RcptTo"] ?? m.To.ToString()));
                throw new TimeoutException(
                    $"No message to {address} reached the SMTP sink on port {Port} within {timeout.TotalSeconds:0.#} s; " +
                    $"it received {messages.Count}{(messages.Count == 0 ? "" : $" (to {recipients})")}.{_output.Describe()}");
            }
            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await StopAsync();
        try
        {
            if (Directory.Exists(_root))
                Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var startInfo = new ProcessStartInfo(Python) { RedirectStandardInput = true, WorkingDirectory = _root };
        foreach (var argument in new[]
        {
            "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}", "-c", "aiosmtpd.handlers.Mailbox", MaildirPath,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }
        var watchdog = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp-sink-watchdog");
        if (File.Exists(Path.Combine(watchdog, "sitecustomize.py")))
            startInfo.Environment["PYTHONPATH"] = watchdog;
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";

        var process = ChildProcess.Start(startInfo, _output);
        _process = process;

        await process.WaitUntilReadyAsync(
            ct => FreePorts.AcceptsAsync(Port, ct), StartTimeout, PollInterval,
            () => new SmtpSinkStartException($"aiosmtpd exited with code {process.ExitCode} while starting on port {Port}.{_output.Describe()}"),
            () => new TimeoutException($"aiosmtpd did not accept connections on port {Port} within {StartTimeout.TotalSeconds:0} s.{_output.Describe()}"),
            cancellationToken);
    }

    private static bool IsAddressedTo(MimeMessage message, string address)
    {
        var envelope = message.Headers["X-RcptTo"] ?? "";
        return envelope.Split(',').Any(recipient => string.Equals(recipient.Trim(), address, StringComparison.OrdinalIgnoreCase))
            || message.To.Mailboxes.Concat(message.Cc.Mailboxes).Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
    }

    /// <returns>Null when <c>/usr/bin/python3</c> imports aiosmtpd; otherwise what to tell the user.</returns>
    private static string? FindMissingAiosmtpd()
    {
        const string Fix = "Run `bash scripts/test.sh` (it installs Debian's python3-aiosmtpd when missing), or `apt-get install python3-aiosmtpd` as root.";
        var startInfo = new ProcessStartInfo(Python, ["-c", "import aiosmtpd"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(startInfo)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? null
                : $"The SMTP sink needs aiosmtpd, but `{Python} -c \"import aiosmtpd\"` failed: {error.Trim()}. {Fix}";
        }
        catch (Win32Exception ex)
        {
            return $"The SMTP sink needs {Python} with aiosmtpd, but {Python} could not be started ({ex.Message}). {Fix}";
        }
    }
}

/// <summary>aiosmtpd exited while starting (for example because its port was taken in the meantime).</summary>
public sealed class SmtpSinkStartException : Exception
{
    public SmtpSinkStartException()
    {
    }

    public SmtpSinkStartException(string message)
        : base(message)
    {
    }

    public SmtpSinkStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
