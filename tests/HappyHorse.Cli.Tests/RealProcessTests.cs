using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HappyHorse.Cli.Tests;

/// <summary>
/// The built CLI as its own process, so what reaches the real stdout and stderr is checked too: the host's loggers
/// write there directly, not through the writers an in-process run captures.
/// </summary>
public sealed class RealProcessTests
{
    [Fact]
    public async Task ABusyPortIsOneLineOnStderrAndExitCodeTwo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, stdout, stderr) = await RunAsync("emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: port {port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one).", stderr.TrimEnd());
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task ABadOptionIsOneLineOnStderrAndExitCodeTwo()
    {
        var (exitCode, _, stderr) = await RunAsync("emulator", "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HappyHorse.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No token: nothing here may reach the real service.
        start.Environment.Remove("ACEDATACLOUD_API_TOKEN");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
