using System.Diagnostics;
using System.IO.Compression;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The generator package must carry the contract library and YamlDotNet next to the generator
/// (consumers need nothing else) and nothing in lib/ (it's a compile-time dependency only). Checked on a real .nupkg.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("contractfirst-pack-").FullName;

    [Fact]
    public void GeneratorPackageShipsTheGeneratorTheContractLibraryAndYamlDotNetAsAnalyzersOnly()
    {
        using var package = ZipFile.OpenRead(Pack("generator/ContractFirst.Generator/ContractFirst.Generator.csproj", "ContractFirst.Generator"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Single(entries, e => e == "analyzers/dotnet/cs/ContractFirst.Generator.dll");
        Assert.Single(entries, e => e == "analyzers/dotnet/cs/ContractFirst.Contract.dll");
        Assert.Single(entries, e => e == "analyzers/dotnet/cs/YamlDotNet.dll");
        Assert.Equal(3, entries.Count(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("build/ContractFirst.Generator.props", entries);
        Assert.Contains("buildTransitive/ContractFirst.Generator.props", entries);

        using var nuspec = new StreamReader(package.GetEntry("ContractFirst.Generator.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependency ", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>Packs the already-built project (the test run built it) and returns the .nupkg path.</summary>
    private string Pack(string project, string packageId)
    {
        // The test assembly sits in bin/<Configuration>/<tfm>/; pack the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "pack", Path.Combine(RepoPaths.Root, project), "--no-build", "--no-restore", "-c", configuration, "-o", _output, "-nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "dotnet pack did not finish within 2 minutes");
        Assert.True(process.ExitCode == 0, $"dotnet pack failed:\n{stdout.Result}\n{stderr.Result}");
        return Directory.GetFiles(_output, packageId + ".*.nupkg").Single();
    }
}
