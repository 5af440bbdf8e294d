using System.Diagnostics;

namespace ContractFirst.Packaging.Tests;

/// <summary>
/// Packs every packable project once, as CI publishes them: Release, ContinuousIntegrationBuild on, into a temporary
/// artifacts folder (its own bin/ and obj/, so the repository's builds are neither reused nor disturbed).
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>Every package the repository publishes; a new packable project must be added here and to eng/packages.slnf.</summary>
    public static readonly string[] Ids =
    [
        "ContractFirst.Generator", "ContractFirst.Runtime", "ContractFirst.Callbacks.AspNetCore", "ContractFirst.Extensions.DependencyInjection",
        "HappyHorse", "HappyHorse.Extensions.DependencyInjection", "HappyHorse.Emulator", "HappyHorse.Cli",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("contractfirst-packages-").FullName;

    public PackedPackages()
    {
        Output = Path.Combine(_root, "packages");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "pack", Path.Combine(RepoRoot, "eng", "packages.slnf"), "-c", "Release", "-o", Output,
                "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo", "-p:ContinuousIntegrationBuild=true",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet pack did not finish within 8 minutes");
        }

        PackTime = watch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    public string Output { get; }

    public TimeSpan PackTime { get; }

    public static string RepoRoot { get; } = FindRoot();

    public string Package(string id) => Path.Combine(Output, $"{id}.{Version}.nupkg");

    public string Symbols(string id) => Path.Combine(Output, $"{id}.{Version}.snupkg");

    /// <summary>The version Directory.Build.props gives every package.</summary>
    public static string Version => "0.1.0";

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HappyHorse.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HappyHorse.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
