using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>
/// Compares everything the generator emits for some contracts with the files under
/// <c>Snapshots/&lt;TestName&gt;/&lt;HintName&gt;.txt</c> (<c>.txt</c>, so they are never compiled),
/// then compiles the generated code and fails on any compiler error or warning.
/// </summary>
/// <remarks>
/// <para>
/// Updating snapshots: run the tests with the environment variable <c>UPDATE_SNAPSHOTS=1</c>
/// (<c>UPDATE_SNAPSHOTS=1 dotnet test tests/ContractFirst.Generator.Tests</c>). Each snapshot test
/// then writes the generator's actual output into its folder, deletes files there that the
/// generator no longer emits, and fails, so that every update is reviewed in the git diff before
/// it is committed. Run again without the variable to see them pass.
/// </para>
/// <para>
/// Without the variable any difference fails: a file emitted but not in the folder, a file in the
/// folder not emitted, or different content (the harness prints the diff). The generator's
/// version in the <c>[GeneratedCode]</c> attribute is stored as <c>%VERSION%</c>.
/// </para>
/// </remarks>
internal static class SnapshotVerifier
{
    private const string Extension = ".txt";
    private const string VersionPlaceholder = "%VERSION%";

    private static readonly string s_version = typeof(ContractGenerator).Assembly.GetName().Version!.ToString();

    private static string VersionedAttribute(string version) => $"GeneratedCode(\"ContractFirst.Generator\", \"{version}\")";

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static async Task VerifyAsync(string testName, IReadOnlyCollection<TestContract> contracts, string? rootNamespace = null)
    {
        // A direct run gives the emitted set and its order; the harness below compares content
        // in emission order and compiles the result.
        var run = GeneratorRunner.Run(contracts, rootNamespace);
        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics);
        var actual = run.Sources();
        var folder = Path.Combine(RepoPaths.Snapshots, testName);

        if (Updating)
        {
            Update(folder, actual);
            Assert.Fail($"UPDATE_SNAPSHOTS=1: wrote {actual.Length} snapshot(s) to {folder}; review the diff, then run without UPDATE_SNAPSHOTS.");
        }

        var expectedNames = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*" + Extension).Select(f => Path.GetFileName(f)[..^Extension.Length]).Order(StringComparer.Ordinal).ToList()
            : [];
        var actualNames = actual.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();
        var missing = expectedNames.Except(actualNames).ToList();
        var unexpected = actualNames.Except(expectedNames).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"The generated files differ from Snapshots/{testName} (run with UPDATE_SNAPSHOTS=1 to update)."
            + $"\nNot generated any more: {string.Join(", ", missing)}\nNew: {string.Join(", ", unexpected)}");

        var test = new ContractGeneratorTest(contracts, rootNamespace);
        foreach (var (hintName, _) in actual)
        {
            var expected = File.ReadAllText(Path.Combine(folder, hintName + Extension))
                .Replace("\r\n", "\n")
                .Replace(VersionedAttribute(VersionPlaceholder), VersionedAttribute(s_version));
            test.TestState.GeneratedSources.Add((typeof(ContractGenerator), hintName, SourceText.From(expected, Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    private static void Update(string folder, IEnumerable<(string HintName, string Text)> actual)
    {
        Directory.CreateDirectory(folder);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, text) in actual)
        {
            var path = Path.Combine(folder, hintName + Extension);
            File.WriteAllText(path, text.Replace(VersionedAttribute(s_version), VersionedAttribute(VersionPlaceholder)));
            written.Add(Path.GetFileName(path));
        }

        foreach (var stale in Directory.GetFiles(folder).Where(f => !written.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
    }
}
