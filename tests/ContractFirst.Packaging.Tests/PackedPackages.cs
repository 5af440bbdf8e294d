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
        var watch = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = Dotnet.RunAsync(
            [
                "pack", Path.Combine(RepoRoot, "eng", "packages.slnf"), "-c", "Release", "-o", Output,
                "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo", "-p:ContinuousIntegrationBuild=true",
            ],
            TimeSpan.FromMinutes(8)).GetAwaiter().GetResult();
        PackTime = watch.Elapsed;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed:\n{stdout}\n{stderr}");
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
