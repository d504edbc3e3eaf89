using System.Runtime.InteropServices;
using CoworkSync.Simulators.Demo;
using CoworkSync.Simulators.Generated;

namespace CoworkSync.Simulators;

/// <summary>
/// The platform simulators as a program. Two commands:
/// <c>demo --app-url URL --data-dir DIR [...]</c> (see <see cref="DemoOptions"/>), run by <c>scripts/start.sh --demo</c>;
/// <c>space --port N --api-key KEY --space ID:PREFIX:COUNT [...]</c> (see <see cref="GeneratedSpaceOptions"/>), run by
/// <c>scripts/bench.sh compare</c>: Coworks spaces of generated members.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: CoworkSync.Simulators demo --app-url URL --data-dir DIR [--port N] [--connector ID] " +
        "[--radius-port N --radius-secret-file FILE] [--radius-missing REASON] [--setup-timeout SECONDS]" + "\n" +
        "       CoworkSync.Simulators space --port N --api-key KEY --space ID:PREFIX:COUNT [--space ID:PREFIX:COUNT ...]";

    public static async Task<int> Main(string[] args)
    {
        Func<CancellationToken, Task<int>> run;
        try
        {
            run = args switch
            {
                ["demo", .. var rest] when DemoOptions.Parse(rest) is var demo =>
                    stop => new DemoRunner(demo, Console.Out, Console.Error, TimeProvider.System).RunAsync(stop),
                ["space", .. var rest] when GeneratedSpaceOptions.Parse(rest) is var space =>
                    stop => GeneratedSpaceRunner.RunAsync(space, Console.Out, stop),
                _ => throw new ArgumentException("Name a command: demo or space."),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or UriFormatException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message + Environment.NewLine + Usage);
            return 2;
        }

        // Ctrl-C and SIGTERM stop serving; the command returns and the process exits.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await run(stop.Token);
    }
}
