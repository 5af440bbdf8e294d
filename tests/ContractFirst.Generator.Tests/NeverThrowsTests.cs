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
