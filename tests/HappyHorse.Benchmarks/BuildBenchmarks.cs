using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ContractFirst.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HappyHorse.Benchmarks;

/// <summary>
/// What generating at build time costs a build in which nothing changed: <c>dotnet build</c> of the SDK project (the
/// contract as an AdditionalFile, the generator as an analyzer) against a plain class library holding the very files
/// the generator emits as ordinary sources. Both are copies in a scratch folder inside the repository (so the same
/// Directory.Build and Directory.Packages files apply), with the same target frameworks and the same reference to
/// ContractFirst.Runtime; both are restored and built once in setup, so every measured build is a no-op.
/// </summary>
/// <remarks>
/// Its own job, in process (an out-of-process build of this suite does not carry the generator's private dependencies)
/// and with a long enough timeout: a measured build is one invocation of several seconds. Run it without --job or
/// --inProcess, which would add jobs of their own.
/// </remarks>
[Config(typeof(Config))]
public class BuildBenchmarks
{
    private string _sdkProject = null!;
    private string _plainProject = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoFiles.Root;
        var scratch = Path.Combine(root, "tests", "HappyHorse.Benchmarks", "obj", "build-benchmark");
        var sdk = Path.Combine(scratch, "Sdk");
        var plain = Path.Combine(scratch, "Plain");
        Directory.CreateDirectory(sdk);
        Directory.CreateDirectory(Path.Combine(plain, "Generated"));

        // The SDK project as it is, its relative paths made absolute for the copy's folder.
        var source = Path.Combine(root, "src", "HappyHorse");
        var project = File.ReadAllText(Path.Combine(source, "HappyHorse.csproj")).Replace("\"../", $"\"{source}/../", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(sdk, "HappyHorse.csproj"), project);
        File.Copy(Path.Combine(source, "README.md"), Path.Combine(sdk, "README.md"), overwrite: true);
        _sdkProject = Path.Combine(sdk, "HappyHorse.csproj");

        // Both copies track the public API (TrackPublicApi, the same analyzer and lists), so only generating differs.
        foreach (var copy in new[] { sdk, plain })
        {
            Directory.CreateDirectory(Path.Combine(copy, "PublicAPI"));
            foreach (var list in Directory.GetFiles(Path.Combine(source, "PublicAPI")))
            {
                File.Copy(list, Path.Combine(copy, "PublicAPI", Path.GetFileName(list)), overwrite: true);
            }
        }

        var contract = Path.Combine(root, "spec", "happyhorse.yaml");
        var generated = Generate(contract);
        foreach (var (name, text) in generated)
        {
            File.WriteAllText(Path.Combine(plain, "Generated", name), text);
        }

        // The plain library: the same frameworks, runtime reference, compiler attributes and API lists, no generator, no contract.
        File.WriteAllText(Path.Combine(plain, "HappyHorse.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;netstandard2.0</TargetFrameworks>
                <RootNamespace>HappyHorse</RootNamespace>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <TrackPublicApi>true</TrackPublicApi>
              </PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'netstandard2.0'">
                <PackageReference Include="PolySharp" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/ContractFirst.Runtime/ContractFirst.Runtime.csproj" />
              </ItemGroup>
            </Project>
            """);
        _plainProject = Path.Combine(plain, "HappyHorse.csproj");

        foreach (var path in new[] { _plainProject, _sdkProject })
        {
            Dotnet("build", path);
        }
    }

    [Benchmark(Baseline = true, Description = "no-op build: class library with the generated files")]
    public int PlainLibrary() => Dotnet("build", _plainProject, "--no-restore");

    [Benchmark(Description = "no-op build: SDK generated from its contract")]
    public int GeneratedSdk() => Dotnet("build", _sdkProject, "--no-restore");

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(7)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false)));
    }

    /// <summary>What the generator emits for the contract on the current runtime: the files a plain library would hold.</summary>
    private static List<(string Name, string Text)> Generate(string contract)
    {
        var texts = ImmutableArray.Create<AdditionalText>(new ContractText(contract, File.ReadAllText(contract)));
        var compilation = CSharpCompilation.Create(
            "HappyHorse",
            [],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], texts, optionsProvider: new ContractOptions(contract))
            .RunGenerators(compilation).GetRunResult().Results[0];
        if (result.GeneratedSources.Length < 10)
        {
            throw new InvalidOperationException($"The generator produced {result.GeneratedSources.Length} files from {contract}. {result.Exception}");
        }

        return [.. result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()))];
    }

    private static int Dotnet(string command, string project, string extra = "")
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"{command} \"{project}\" {extra} -nologo -v:q")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {command} {project} failed ({process.ExitCode}): {output.Result}{errors}");
        }

        return process.ExitCode;
    }
}
