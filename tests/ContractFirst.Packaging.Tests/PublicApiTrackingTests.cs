using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Xunit.Abstractions;

namespace ContractFirst.Packaging.Tests;

/// <summary>
/// The public API of every packable library is listed in its PublicAPI/*.txt files and checked at build
/// (Microsoft.CodeAnalysis.PublicApiAnalyzers, wired once in Directory.Build.targets); and the check bites.
/// Evaluation only: no project is built.
/// </summary>
public sealed class PublicApiTrackingTests(ITestOutputHelper output)
{
    private const string AnalyzerPackage = "Microsoft.CodeAnalysis.PublicApiAnalyzers";

    /// <summary>The packable libraries: every package but the CLI (a tool) and the generator (an analyzer package).</summary>
    private static readonly string[] s_trackedLibraries =
        PackedPackages.Ids.Where(id => id is not "HappyHorse.Cli" and not "ContractFirst.Generator").ToArray();

    [Fact]
    public async Task EveryPackableLibraryListsItsPublicApiForEveryTargetFramework()
    {
        var watch = Stopwatch.StartNew();
        var projects = Directory.GetFiles(Path.Combine(PackedPackages.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(PackedPackages.RepoRoot, "generator"), "*.csproj", SearchOption.AllDirectories))
            .ToList();
        using var gate = new SemaphoreSlim(2);
        var evaluated = await Task.WhenAll(projects.Select(p => EvaluateAsync(gate, p, null,
            "-getProperty:IsPackable", "-getProperty:PackAsTool", "-getProperty:IsRoslynComponent",
            "-getProperty:TargetFrameworks", "-getProperty:TargetFramework", "-getProperty:TrackPublicApi")));

        var libraries = evaluated
            .Where(e => Property(e, "IsPackable") == "true" && Property(e, "PackAsTool") != "true" && Property(e, "IsRoslynComponent") != "true")
            .ToList();
        Assert.Equal(s_trackedLibraries.Order(StringComparer.Ordinal), libraries.Select(e => e.Name).Order(StringComparer.Ordinal));

        var checks = new List<Task<Evaluation>>();
        foreach (var library in libraries)
        {
            Assert.True(Property(library, "TrackPublicApi") == "true", $"{library.Name} is packable but does not set TrackPublicApi");
            var frameworks = (Property(library, "TargetFrameworks") is { Length: > 0 } many ? many : Property(library, "TargetFramework"))
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(frameworks);
            checks.AddRange(frameworks.Select(tfm => EvaluateAsync(gate, library.Path, tfm, "-getItem:AdditionalFiles", "-getItem:PackageReference")));
        }

        foreach (var check in await Task.WhenAll(checks))
        {
            var where = $"{check.Name} ({check.Framework})";
            var analyzer = Items(check, "PackageReference").SingleOrDefault(i => i.GetProperty("Identity").GetString() == AnalyzerPackage);
            Assert.True(analyzer.ValueKind == JsonValueKind.Object, $"{where} does not reference {AnalyzerPackage}");
            Assert.Equal("all", analyzer.GetProperty("PrivateAssets").GetString(), StringComparer.OrdinalIgnoreCase);

            foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                var files = Items(check, "AdditionalFiles")
                    .Select(i => i.GetProperty("FullPath").GetString()!)
                    .Where(f => Path.GetFileName(f) == name)
                    .ToList();
                var file = Assert.Single(files);
                Assert.True(File.Exists(file), $"{where}: {file} does not exist");
                // RS0037: the lists record nullability, which needs this first line.
                Assert.True(File.ReadLines(file).FirstOrDefault() == "#nullable enable", $"{where}: {file} does not start with #nullable enable");
            }
        }

        output.WriteLine($"{evaluated.Length} projects and {checks.Count} library builds evaluated in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task AnUnlistedOrMissingPublicMemberFailsTheCompilation()
    {
        var directory = Directory.CreateTempSubdirectory("contractfirst-publicapi-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Horse.cs"), "namespace Stable;\npublic sealed class Horse\n{\n    public int Legs => 4;\n}\n");
            string[] listed = ["Stable.Horse", "Stable.Horse.Horse() -> void", "Stable.Horse.Legs.get -> int"];

            var unlisted = await CompileAsync(directory.FullName, []);
            Assert.NotEqual(0, unlisted.ExitCode);
            Assert.Contains("error RS0016", unlisted.Output, StringComparison.Ordinal);
            Assert.Contains("Stable.Horse.Legs.get -> int", unlisted.Output, StringComparison.Ordinal);

            var removed = await CompileAsync(directory.FullName, [.. listed, "Stable.Horse.Gallop() -> void"]);
            Assert.NotEqual(0, removed.ExitCode);
            Assert.Contains("error RS0017", removed.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("RS0016", removed.Output, StringComparison.Ordinal);

            var exact = await CompileAsync(directory.FullName, listed);
            Assert.True(exact.ExitCode == 0, exact.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Compiles Horse.cs with the SDK's own compiler and the analyzer version the libraries use, against a Shipped list
    /// of <paramref name="shipped"/> and an empty Unshipped list. The compiler, not an in-memory compilation: the
    /// analyzer needs Roslyn 4.12 or later, newer than the Roslyn the generator's tests pin.
    /// </summary>
    private async Task<(int ExitCode, string Output)> CompileAsync(string directory, string[] shipped)
    {
        var shippedFile = Path.Combine(directory, "PublicAPI.Shipped.txt");
        var unshippedFile = Path.Combine(directory, "PublicAPI.Unshipped.txt");
        File.WriteAllLines(shippedFile, ["#nullable enable", .. shipped]);
        File.WriteAllLines(unshippedFile, ["#nullable enable"]);

        var analyzer = Path.Combine(Metadata("PublicApiAnalyzers"), "analyzers", "dotnet", "Microsoft.CodeAnalysis.PublicApiAnalyzers.dll");
        var compiler = Path.Combine(Metadata("RoslynTargetsPath"), "bincore", "csc.dll");
        Assert.True(File.Exists(analyzer), analyzer);
        Assert.True(File.Exists(compiler), compiler);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        var watch = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = await Dotnet.RunAsync(
            [
                "exec", compiler, "-nologo", "-noconfig", "-nostdlib", "-t:library", "-nullable:enable", "-warnaserror",
                "-out:" + Path.Combine(directory, "Stable.dll"),
                "-r:" + typeof(object).Assembly.Location, "-r:" + Path.Combine(runtime, "System.Runtime.dll"),
                "-analyzer:" + analyzer, "-additionalfile:" + shippedFile, "-additionalfile:" + unshippedFile,
                Path.Combine(directory, "Horse.cs"),
            ],
            TimeSpan.FromMinutes(1));
        var text = stdout + stderr;
        output.WriteLine($"csc with {shipped.Length} shipped lines: exit {exitCode} in {watch.Elapsed.TotalSeconds:0.0} s\n{text}");
        return (exitCode, text);
    }

    private static string Metadata(string key) =>
        typeof(PublicApiTrackingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata");

    private sealed record Evaluation(string Path, string? Framework, JsonElement Result)
    {
        public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    }

    private static string Property(Evaluation evaluation, string name) =>
        evaluation.Result.GetProperty("Properties").GetProperty(name).GetString() ?? "";

    private static List<JsonElement> Items(Evaluation evaluation, string type) =>
        evaluation.Result.GetProperty("Items").TryGetProperty(type, out var items) ? [.. items.EnumerateArray()] : [];

    /// <summary>Evaluates a project (no target runs) with dotnet msbuild -getProperty/-getItem and returns its JSON.</summary>
    private static async Task<Evaluation> EvaluateAsync(SemaphoreSlim gate, string project, string? framework, params string[] queries)
    {
        string[] arguments = ["msbuild", project, "-nologo", .. framework is null ? Array.Empty<string>() : ["-p:TargetFramework=" + framework], .. queries];
        await gate.WaitAsync();
        try
        {
            var (exitCode, stdout, stderr) = await Dotnet.RunAsync(arguments, TimeSpan.FromMinutes(2));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet msbuild {project} failed:\n{stdout}\n{stderr}");
            }

            return new Evaluation(project, framework, JsonDocument.Parse(stdout).RootElement.Clone());
        }
        finally
        {
            gate.Release();
        }
    }
}
