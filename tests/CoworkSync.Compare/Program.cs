using CoworkSync.Compare;
using CoworkSync.Compare.Processes;

// scripts/bench.sh compare runs this: see CompareOptions for the arguments, docs/benchmarks.md for what it measures.
CompareOptions options;
try
{
    options = CompareOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return 2;
}

Console.CancelKeyPress += (_, _) => Started.StopAll();
AppDomain.CurrentDomain.ProcessExit += (_, _) => Started.StopAll();
try
{
    return await new CompareRun(options).RunAsync();
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}{Environment.NewLine}(details: {e.GetType().Name} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()})");
    return 1;
}
