using System.Globalization;

namespace CoworkSync.Compare.Processes;

/// <summary>
/// CPU time from <c>/proc/&lt;pid&gt;/stat</c> (utime + stime, in clock ticks of 1/100 s), with the live children and
/// what the reaped ones used (cutime + cstime): nginx's workers, the shells that wait for radclient.
/// </summary>
public static class CpuTicks
{
    public const double PerSecond = 100;

    /// <summary>The process's and its descendants' CPU ticks; 0 when it is gone.</summary>
    public static long OfTree(int pid)
    {
        var total = Own(pid, includeReaped: true);
        foreach (var child in Children(pid))
            total += OfTree(child);
        return total;
    }

    /// <summary>Parses a saved stat line: the process's own ticks and its reaped children's.</summary>
    public static long FromStatLine(string line, bool includeReaped)
    {
        // Fields after the command name, which is in parentheses and may contain spaces.
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        var own = Field(14) + Field(15);
        return includeReaped ? own + Field(16) + Field(17) : own;
    }

    private static long Own(int pid, bool includeReaped)
    {
        try
        {
            return FromStatLine(File.ReadAllText($"/proc/{pid}/stat"), includeReaped);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/task/{pid}/children");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture));
    }
}
