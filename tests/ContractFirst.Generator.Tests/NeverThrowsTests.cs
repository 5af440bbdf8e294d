using System.Text;
using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The generator never throws and never reports a problem it cannot place: for a fixed, bounded
/// sample of damaged copies of the real contract, every run ends without an exception, without
/// CFG000 (the generator's own failure) and with every diagnostic located inside the YAML file.
/// </summary>
public sealed class NeverThrowsTests
{
    private const string Path = "/spec/happyhorse.yaml";

    public static TheoryData<string> Kinds => ["truncated", "line deleted", "colon swapped"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DamagedContractsGiveLocatedDiagnostics(string kind)
    {
        var original = TestContract.HappyHorse().Text;
        var mutations = Mutations(original).Where(m => m.Kind == kind).ToList();
        Assert.InRange(mutations.Count, 50, 100);

        var problems = new StringBuilder();
        foreach (var (_, description, text) in mutations)
        {
            foreach (var problem in Check(text))
            {
                problems.Append(description).Append(": ").Append(problem).Append('\n');
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>
    /// Edits of the real contract that once produced C# that did not compile, or a CFG000, with
    /// no error in the contract: each must now generate code that compiles with no warning.
    /// </summary>
    public static TheoryData<string, string, string, string, string> CompilingEdits => new()
    {
        // Line terminators C# knows but XML docs and string literals must not hold as is.
        { "U+2028 in a description", "description: Whether the request succeeded.", "description: \"Whether the\\Lrequest\\Psucceeded\\N.\"", "", "" },
        { "control characters in a description", "description: What went wrong.", "description: \"What\\x01 went\\x1B wrong\\x7F.\"", "", "" },
        { "U+FFFE in a title", "title: HappyHorse Videos API", "title: \"HappyHorse \\uFFFE Videos\"", "", "" },
        { "a line separator in an enum value", "value: auto, name: Auto", "value: \"au\\Lto\", name: Auto", "", "" },
        { "quotes and backslashes in the rate field's name", "resolution", "\"reso\\\"lu\\\\tion\"", "", "" },
        // The videos endpoint without 'shared': no action carries the rate field, so every estimate
        // assumes the rate (PricingEmitter looked the field up on the actions and threw). The rate for
        // 1080P then matches no request (CFG077), so it goes too.
        { "the shared line deleted", "    shared: [resolution, watermark, seed, callback_url, async]\n", "", "        - { resolution: 1080P, rate: 0.18 }\n", "" },
        // An enum named like a C# keyword once PascalCase is undone: its parameter is @this.
        { "the rate enum renamed This", "Resolution", "This", "", "" },
    };

    [Theory]
    [MemberData(nameof(CompilingEdits))]
    public void EditsThatOnceBrokeTheBuildNowCompile(string what, string find, string replace, string alsoFind, string alsoReplace)
    {
        var original = TestContract.HappyHorse().Text;
        Assert.Contains(find, original, StringComparison.Ordinal);
        var yaml = original.Replace(find, replace, StringComparison.Ordinal);
        if (alsoFind.Length > 0)
        {
            Assert.Contains(alsoFind, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(alsoFind, alsoReplace, StringComparison.Ordinal);
        }

        var result = GeneratorRunner.Run(new TestContract(Path, yaml));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var diagnostics = TestCompilation.Create(result.GeneratedSources.Select(s => s.SourceText.ToString()))
            .GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        Assert.True(diagnostics.Count == 0, what + ":\n" + string.Join("\n", diagnostics));
    }

    /// <summary>About 200 deterministic mutations: cuts, deleted lines and colons turned into spaces.</summary>
    private static IEnumerable<(string Kind, string Description, string Text)> Mutations(string text)
    {
        for (var at = 0; at < text.Length; at += 163)
        {
            yield return ("truncated", $"truncated at character {at}", text[..at]);
        }

        var lines = text.Split('\n');
        for (var line = 0; line < lines.Length; line += 5)
        {
            yield return ("line deleted", $"line {line + 1} deleted", string.Join('\n', lines.Where((_, i) => i != line)));
        }

        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        for (var i = 0; i < colons.Count; i += 5)
        {
            var at = colons[i];
            yield return ("colon swapped", $"colon at character {at} swapped for a space", text[..at] + " " + text[(at + 1)..]);
        }
    }

    private static IEnumerable<string> Check(string yaml)
    {
        var result = GeneratorRunner.Run(new TestContract(Path, yaml));
        if (result.Exception is not null)
        {
            yield return "the generator threw " + result.Exception;
        }

        var text = SourceText.From(yaml);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id is "CS8785" or "CFG000")
            {
                yield return "generator failure: " + diagnostic;
                continue;
            }

            var location = diagnostic.Location;
            var lineSpan = location.GetLineSpan();
            if (location.Kind != LocationKind.ExternalFile || lineSpan.Path != Path)
            {
                yield return "not located in the contract: " + diagnostic;
            }
            else if (location.SourceSpan.End > text.Length || lineSpan.EndLinePosition.Line >= text.Lines.Count)
            {
                yield return "located past the end of the file: " + diagnostic;
            }
            else if (text.Lines.GetTextSpan(lineSpan.Span) != location.SourceSpan)
            {
                yield return $"character span {location.SourceSpan} disagrees with line span {lineSpan.Span}: " + diagnostic;
            }
        }
    }
}
