using BenchmarkDotNet.Running;
using HappyHorse.Benchmarks;

if (args is [CannedServer.Argument])
{
    // The end-to-end benchmarks' server, started by them as a child process.
    await CannedServer.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
