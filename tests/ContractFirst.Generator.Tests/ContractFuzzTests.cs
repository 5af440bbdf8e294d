using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContractFirst.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Thousands of random edits of spec/happyhorse.yaml, each run through the generator by
/// tests/ContractFirst.Generator.FuzzRunner in a child process. For every edit: no exception, no
/// CFG000, every diagnostic located in the contract, nothing generated when there is an error,
/// and otherwise generated C# that compiles with no error and no warning (nullable on, XML docs
/// checked). A stack overflow kills only the child; the test names the edit that killed it.
/// </summary>
/// <remarks>
/// Deterministic: edit <c>n</c> is always the same (fixed seeds), so a failure is reproduced with
/// <c>dotnet ContractFirst.Generator.FuzzRunner.dll --from n --count 1</c>. The default is 2,000
/// edits; set <c>CONTRACT_FUZZ_MUTATIONS</c> (for example to 20000) for a longer run, and
/// <c>CONTRACT_FUZZ_FROM</c> to start elsewhere.
/// </remarks>
public sealed class ContractFuzzTests(ITestOutputHelper output)
{
    private const int DefaultMutations = 2_000;

    [Fact]
    public async Task MutatedContractsNeverCrashTheGeneratorNorGenerateBrokenCode()
    {
        var count = Setting("CONTRACT_FUZZ_MUTATIONS", DefaultMutations);
        var stopwatch = Stopwatch.StartNew();

        var (failures, checkedCount, summary) = await FuzzAsync(Setting("CONTRACT_FUZZ_FROM", 0), count);

        output.WriteLine(summary ?? "(no summary)");
        output.WriteLine($"{checkedCount} of {count} mutations checked in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} mutation(s) failed:\n" + string.Join("\n", failures));
        Assert.Equal(count, checkedCount);
    }

    [Fact]
    public async Task AMutationThatKillsTheProcessIsNamedAndTheOthersStillRun()
    {
        // The runner overflows its stack on purpose at mutation 3 when told to.
        var (failures, checkedCount, _) = await FuzzAsync(0, 6, crashAt: 3);

        var failure = Assert.Single(failures);
        Assert.StartsWith("mutation 3 (", failure, StringComparison.Ordinal);
        Assert.Contains("killed the generator process", failure, StringComparison.Ordinal);
        Assert.Equal(5, checkedCount);
    }

    /// <summary>Runs mutations <paramref name="from"/> onwards; a run that dies is resumed after the mutation that killed it.</summary>
    private static async Task<(List<string> Failures, int Checked, string? Summary)> FuzzAsync(int from, int count, int? crashAt = null)
    {
        var end = from + count;
        var failures = new List<string>();
        var checkedCount = 0;
        string? summary = null;
        for (var next = from; next < end && failures.Count < 50;)
        {
            var run = await RunAsync(next, end - next, crashAt);
            checkedCount += run.Results.Count;
            failures.AddRange(run.Results.Where(r => r.Failed).Select(r => $"mutation {r.Seed} ({run.Descriptions.GetValueOrDefault(r.Seed)}): {r.Message}"));
            if (run.Summary is not null)
            {
                summary = run.Summary;
                break;
            }

            var dead = run.Begun.Except(run.Results.Select(r => r.Seed)).DefaultIfEmpty(next).Min();
            failures.Add($"mutation {dead} ({run.Descriptions.GetValueOrDefault(dead)}) killed the generator process (exit code {run.ExitCode}): {run.ErrorTail}");
            next = dead + 1;
        }

        return (failures, checkedCount, summary);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static async Task<RunnerOutput> RunAsync(int from, int count, int? crashAt)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { RunnerPath(), "--spec", RepoPaths.HappyHorseSpec, "--from", Text(from), "--count", Text(count) })
        {
            start.ArgumentList.Add(argument);
        }

        if (crashAt is not null)
        {
            start.Environment["CONTRACT_FUZZ_CRASH_AT"] = Text(crashAt.Value);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var result = new RunnerOutput();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "BEGIN" when parts.Length >= 4:
                    var seed = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    result.Begun.Add(seed);
                    result.Descriptions[seed] = parts[2] + ": " + parts[3];
                    break;
                case "RESULT" when parts.Length >= 5:
                    result.Results.Add(new RunnerResult(int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2] == "FAIL", parts[3], parts[4]));
                    break;
                case "SUMMARY":
                    result.Summary = line;
                    break;
            }
        }

        await process.WaitForExitAsync();
        var stderr = await errors;
        result.ExitCode = process.ExitCode;
        result.ErrorTail = stderr.Length > 1_500 ? stderr[..1_500] : stderr;
        if (process.ExitCode != 0)
        {
            result.Summary = null;
        }

        return result;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The runner built next to this test assembly's configuration and framework (bin/Debug/net10.0, say).</summary>
    private static string RunnerPath()
    {
        var relative = Path.GetRelativePath(RepoPaths.TestProject, AppContext.BaseDirectory);
        var path = Path.Combine(RepoPaths.Root, "tests", "ContractFirst.Generator.FuzzRunner", relative, "ContractFirst.Generator.FuzzRunner.dll");
        Assert.True(File.Exists(path), "The fuzz runner is not built: " + path);
        return path;
    }

    private sealed record RunnerResult(int Seed, bool Failed, string Kind, string Message);

    private sealed class RunnerOutput
    {
        public List<int> Begun { get; } = [];

        public Dictionary<int, string> Descriptions { get; } = [];

        public List<RunnerResult> Results { get; } = [];

        public string? Summary { get; set; }

        public int ExitCode { get; set; }

        public string ErrorTail { get; set; } = "";
    }
}
