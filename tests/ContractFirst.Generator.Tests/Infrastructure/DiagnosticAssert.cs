using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>Runs the generator on one broken contract and checks the one diagnostic it must report.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that <paramref name="yaml"/> yields exactly one diagnostic, <paramref name="id"/>, in
    /// the contract file at the given 1-based span (as <c>DiagnosticResult.WithSpan</c> counts),
    /// covering <paramref name="covered"/>, and that nothing is generated for the contract.
    /// </summary>
    public static Diagnostic Reports(string yaml, string id, int line, int column, int endLine, int endColumn, string covered)
    {
        var result = GeneratorRunner.Run(yaml);

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorRunner.InlinePath, lineSpan.Path);
        Assert.Equal(
            (line, column, endLine, endColumn),
            (lineSpan.StartLinePosition.Line + 1, lineSpan.StartLinePosition.Character + 1,
                lineSpan.EndLinePosition.Line + 1, lineSpan.EndLinePosition.Character + 1));

        // The character span and the line span must describe the same text.
        var text = SourceText.From(yaml);
        Assert.Equal(text.Lines.GetTextSpan(lineSpan.Span), diagnostic.Location.SourceSpan);
        Assert.Equal(covered, text.ToString(diagnostic.Location.SourceSpan));
        return diagnostic;
    }
}
