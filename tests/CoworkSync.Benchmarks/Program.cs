using BenchmarkDotNet.Running;
using CoworkSync.Benchmarks;

// dotnet run -c Release -- [BenchmarkDotNet arguments]     micro benchmarks of the hot paths (e.g. --filter '*')
// dotnet run -c Release -- radius-load [options]           load run of RADIUS authorize and accounting; --help for options
if (args is ["radius-load", .. var options])
    return await RadiusLoadRun.RunAsync(options);

BenchmarkSwitcher.FromAssembly(typeof(RadiusLoadRun).Assembly).Run(args);
return 0;
