using System.Text.RegularExpressions;
using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractFirst.Generator.Tests.Operations;

/// <summary>
/// The shared poller's lookup comes from the contract: its batch lookup with the ids' max_items as the batch size,
/// a default size when max_items is absent, and single lookups when there is no batch lookup. Each variant compiles.
/// </summary>
public class OperationEmitTests
{
    private static readonly string Suno = File.ReadAllText(Path.Combine(RepoPaths.Contracts, "suno.yaml"));

    private const string BatchIds = "ids: { required: true, min_items: 1 }";

    [Fact]
    public void TheIdsMaxItemsIsTheBatchSize()
    {
        var client = Client(Suno.Replace(BatchIds, "ids: { required: true, min_items: 1, max_items: 25 }", StringComparison.Ordinal));

        Assert.Contains("public const int TaskBatchSize = 25;", client, StringComparison.Ordinal);
        Assert.Contains("GetTasksAsync(new GetTasksRequest(ids), token)", client, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutMaxItemsTheBatchSizeIsTheDefault()
    {
        Assert.Contains(BatchIds, Suno, StringComparison.Ordinal);

        var client = Client(Suno);

        Assert.Contains("public const int TaskBatchSize = 100;", client, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutABatchLookupTheClientLooksTasksUpOneByOne()
    {
        var withoutBatch = Regex.Replace(Suno, @"      retrieve_batch:\n(        .*\n)+?          ids: \{ required: true, min_items: 1 \}\n", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("retrieve_batch", withoutBatch, StringComparison.Ordinal);

        var client = Client(withoutBatch);

        Assert.Contains("public const int TaskBatchSize = 1;", client, StringComparison.Ordinal);
        Assert.Contains("(taskId, token) => GetTaskAsync(new GetTaskRequest(taskId), token)", client, StringComparison.Ordinal);
        Assert.DoesNotContain("GetTasksAsync", client, StringComparison.Ordinal);
    }

    private static string Client(string yaml)
    {
        var result = GeneratorRunner.Run(yaml);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var sources = result.Sources();
        Assert.Contains(sources, s => s.HintName.EndsWith(".SunoOperation.g.cs", StringComparison.Ordinal));
        var compilation = TestCompilation.Create(["namespace Host; internal static class Marker { }"])
            .AddSyntaxTrees(sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, TestCompilation.ParseOptions, s.HintName)));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return sources.Single(s => s.HintName.EndsWith(".SunoClient.g.cs", StringComparison.Ordinal)).Text;
    }
}
