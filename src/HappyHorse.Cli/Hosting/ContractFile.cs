using System.Globalization;
using System.Text;
using ContractFirst.Contract;
using ContractFirst.Contract.Diagnostics;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Hosting;

/// <summary>Reads the contract of <c>emulator --contract PATH</c>, with every problem reported as file:line:column.</summary>
internal static class ContractFile
{
    /// <summary>Reads and checks a contract file.</summary>
    /// <param name="path">The path as given on the command line; diagnostics name it that way.</param>
    /// <param name="env">Where a relative path is resolved from.</param>
    /// <returns>The contract, ready to serve.</returns>
    /// <exception cref="CliInputException">The file can't be read, has errors (each diagnostic on a line of the message), or can't be served.</exception>
    public static ServedContract Load(string path, CliEnvironment env)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(Path.Combine(env.WorkingDirectory, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--contract: can't read {path}: {ex.Message}");
        }

        try
        {
            return new ServedContract(EmulatedContract.FromYaml(path, yaml), path);
        }
        catch (ContractException ex)
        {
            throw new CliInputException(Describe(path, ex.Diagnostics));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // A valid contract the emulator can't serve.
            throw new CliInputException($"--contract: the emulator can't serve {path}: {ex.Message}");
        }
    }

    /// <summary>One line per diagnostic, as <c>path:line:column: error ID: message</c>, which terminals and editors link.</summary>
    private static string Describe(string path, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        var count = diagnostics.Count == 1 ? "1 problem" : diagnostics.Count.ToString(CultureInfo.InvariantCulture) + " problems";
        var text = new StringBuilder($"--contract: {path} is not a valid contract ({count}):");
        foreach (var d in diagnostics)
        {
            var where = d.Location is null ? path : string.Create(CultureInfo.InvariantCulture, $"{path}:{d.Line}:{d.Column}");
            text.Append("\n  ").Append(where).Append(": ").Append(d.Severity.ToString().ToLowerInvariant())
                .Append(' ').Append(d.Id).Append(": ").Append(d.Message);
        }

        return text.ToString();
    }
}
