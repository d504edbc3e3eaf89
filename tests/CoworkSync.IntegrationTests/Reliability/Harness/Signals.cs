using System.Runtime.InteropServices;

namespace CoworkSync.IntegrationTests.Reliability.Harness;

/// <summary>POSIX signals to one process the test started, by its pid.</summary>
internal static class Signals
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    public static void Kill(int pid) => Send(pid, SigKill);

    public static void Terminate(int pid) => Send(pid, SigTerm);

    private static void Send(int pid, int signal)
    {
        if (!OperatingSystem.IsWindows())
            _ = NativeMethods.Kill(pid, signal);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
