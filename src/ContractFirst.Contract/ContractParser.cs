using System.IO;
using System.Threading;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Model;
using ContractFirst.Contract.Parsing;

namespace ContractFirst.Contract;

/// <summary>
/// Reads contracts: the one parser the generator, the JSON Schema export, the emulator and the CLI share, so
/// none of them can disagree about what a contract says.
/// </summary>
public static class ContractParser
{
    /// <summary>Parses a contract. Never throws for a bad contract: every problem is a located diagnostic.</summary>
    /// <param name="path">The file name to report in diagnostics.</param>
    /// <param name="yamlText">The YAML text.</param>
    /// <param name="namespace">The C# namespace of generated code; <see langword="null"/> uses the API name.</param>
    /// <param name="clientName">The generated client's name; <see langword="null"/> gives <c>{ApiName}Client</c>.</param>
    /// <param name="cancellationToken">Stops parsing.</param>
    /// <returns>The model (<see langword="null"/> when the contract has any error) and every diagnostic.</returns>
    public static SpecParseResult Parse(
        string path, string yamlText, string? @namespace = null, string? clientName = null, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (yamlText is null)
        {
            throw new ArgumentNullException(nameof(yamlText));
        }

        return SpecParser.Parse(new ContractInput(path, yamlText, @namespace, clientName), cancellationToken);
    }

    /// <summary>Parses a contract that must be valid.</summary>
    /// <param name="path">The file name to report in diagnostics.</param>
    /// <param name="yamlText">The YAML text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ContractException">The contract has errors; the exception lists them with line and column.</exception>
    public static ContractSpec ParseValid(string path, string yamlText)
    {
        var result = Parse(path, yamlText);
        if (result.Spec is null || result.Diagnostics.Count > 0)
        {
            throw new ContractException(path, result.Diagnostics.Count > 0
                ? result.Diagnostics
                : [DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "reading " + Path.GetFileName(path), "no model and no diagnostic")]);
        }

        return result.Spec;
    }

    /// <summary>Reads and parses a contract file that must be valid.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ContractException">The contract has errors; the exception lists them with line and column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ContractSpec Load(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A contract path is required.", nameof(path));
        }

        return ParseValid(path, File.ReadAllText(path));
    }
}
