using System.Globalization;
using ContractFirst.Contract.Diagnostics;

namespace ContractFirst.Contract;

/// <summary>A contract has errors; <see cref="Diagnostics"/> lists each with its file, line and column.</summary>
public sealed class ContractException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="path">The contract file.</param>
    /// <param name="diagnostics">The problems found; at least one.</param>
    public ContractException(string path, IReadOnlyList<DiagnosticInfo> diagnostics)
        : base(BuildMessage(path, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the problems found, in the order the parser reported them.</summary>
    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    private static string BuildMessage(string path, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        if (diagnostics is null)
        {
            throw new ArgumentNullException(nameof(diagnostics));
        }

        var count = diagnostics.Count == 1 ? "1 error" : diagnostics.Count.ToString(CultureInfo.InvariantCulture) + " errors";
        return $"The contract {path} has {count}:" + string.Concat(diagnostics.Select(d => "\n  " + d));
    }
}
