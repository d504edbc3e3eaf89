using System.Runtime.InteropServices;
using CoworkSync.Simulators.Demo;

namespace CoworkSync.Simulators;

/// <summary>
/// The platform simulators as a program. One command so far, run by <c>scripts/start.sh --demo</c>:
/// <c>demo --app-url URL --data-dir DIR [...]</c> (see <see cref="DemoOptions"/>).
/// </summary>
internal static class Program
{
    private const string Usage = "usage: CoworkSync.Simulators demo --app-url URL --data-dir DIR [--port N] [--connector ID] " +
        "[--radius-port N --radius-secret-file FILE] [--radius-missing REASON] [--setup-timeout SECONDS]";

    public static async Task<int> Main(string[] args)
    {
        if (args is not ["demo", .. var rest])
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        DemoOptions options;
        try
        {
            options = DemoOptions.Parse(rest);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or UriFormatException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message + Environment.NewLine + Usage);
            return 2;
        }

        // Ctrl-C and SIGTERM stop serving the demo space; the runner returns and the process exits.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await new DemoRunner(options, Console.Out, Console.Error, TimeProvider.System).RunAsync(stop.Token);
    }
}
