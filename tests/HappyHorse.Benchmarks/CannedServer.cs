using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Benchmarks;

/// <summary>
/// A loopback HTTP server answering canned bytes (the documented submit answer and a task record), run
/// in a child process so that its allocations and CPU are not counted as the client's.
/// </summary>
internal static class CannedServer
{
    public const string Argument = "--canned-server";

    /// <summary>Serves until standard input closes; prints its base URL as the first line of output.</summary>
    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.Run(static async context =>
        {
            // Read the whole request, as a real server does before answering.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            var answer = context.Request.Path.StartsWithSegments("/happyhorse/tasks", StringComparison.Ordinal) ? Samples.TaskRecord : Samples.VideosResponse;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        });

        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    /// <summary>Starts the server in a child process (this assembly again) and returns it with its base URL.</summary>
    public static (Process Process, Uri BaseAddress) Start()
    {
        var assembly = typeof(CannedServer).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // BenchmarkDotNet runs this assembly from its own generated program, beside which this one's
        // runtimeconfig may not be copied: name the shared frameworks it needs explicitly.
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(RuntimeConfig());
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(Argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The canned server did not start.");
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The canned server exited before it listened.");

        // BENCHMARK_PIN_SERVER=1: the server on the last core, this process on the others, so the client's time is not
        // spent waiting for a core the server holds (two cores make loopback ratios swing by 0.4 from run to run).
        if (Environment.GetEnvironmentVariable("BENCHMARK_PIN_SERVER") == "1" && Environment.ProcessorCount > 1 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            var last = (nint)1 << (Environment.ProcessorCount - 1);
            process.ProcessorAffinity = last;
            Process.GetCurrentProcess().ProcessorAffinity = last - 1;
        }

        return (process, new Uri(line));
    }

    /// <summary>Stops the server by closing its input, and waits for it.</summary>
    public static void Stop(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
        }

        process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string RuntimeConfig()
    {
        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0";
        var path = Path.Combine(Path.GetTempPath(), $"happyhorse-canned-server-{version}.runtimeconfig.json");
        File.WriteAllText(path, $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}",
                "framework": { "name": "Microsoft.AspNetCore.App", "version": "{{version}}" },
                "configProperties": { "System.GC.Server": false }
              }
            }
            """);
        return path;
    }
}
