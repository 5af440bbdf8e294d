using System.Net;
using System.Net.Sockets;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Tests.Support;

public static class Emulators
{
    public const string Token = "test-token";

    /// <summary>Starts an emulator whose tasks end quickly.</summary>
    public static Task<ContractEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Token = Token, TaskDuration = TimeSpan.FromMilliseconds(100) };
        configure?.Invoke(options);
        return HappyHorseEmulator.StartAsync(options);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The API requests the emulator received (file downloads excluded).</summary>
    public static EmulatorRequest[] ApiRequests(this ContractEmulator emulator) =>
        emulator.Requests.Where(r => r.Path.StartsWith("/happyhorse/", StringComparison.Ordinal)).ToArray();
}
