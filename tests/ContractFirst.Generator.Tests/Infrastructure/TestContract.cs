using System.Text;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>
/// A contract as a test project would declare it: an AdditionalFiles item and its metadata
/// (<c>ContractFirst</c>, <c>ContractNamespace</c>, <c>ContractClientName</c>).
/// </summary>
/// <param name="Path">The item's full path; diagnostics report it as the file.</param>
internal sealed record TestContract(string Path, string Text)
{
    /// <summary>The <c>ContractFirst</c> metadata; null leaves it unset.</summary>
    public string? Marker { get; init; } = "true";

    public string? Namespace { get; init; }

    public string? ClientName { get; init; }

    /// <summary>A contract under tests/…/Contracts, given the path <c>/spec/{fileName}</c>.</summary>
    public static TestContract FromContractsFolder(string fileName) =>
        new("/spec/" + fileName, ReadText(System.IO.Path.Combine(RepoPaths.Contracts, fileName)));

    /// <summary>The real contract, spec/happyhorse.yaml, read from the repository.</summary>
    public static TestContract HappyHorse() => new("/spec/happyhorse.yaml", ReadText(RepoPaths.HappyHorseSpec));

    /// <summary>
    /// The analyzer config MSBuild would write for these items (GeneratedMSBuildEditorConfig):
    /// a global config whose per-file sections carry the item metadata. A plain
    /// <c>build_metadata</c> key outside a section would apply to no file.
    /// </summary>
    public static string GlobalConfig(IEnumerable<TestContract> contracts, string? rootNamespace)
    {
        var text = new StringBuilder("is_global = true\n");
        if (rootNamespace is not null)
        {
            text.Append("build_property.RootNamespace = ").Append(rootNamespace).Append('\n');
        }

        foreach (var contract in contracts)
        {
            text.Append('\n').Append('[').Append(contract.Path).Append("]\n");
            foreach (var (key, value) in contract.Metadata())
            {
                text.Append(key).Append(" = ").Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The analyzer config keys this item's metadata becomes.</summary>
    public IEnumerable<(string Key, string Value)> Metadata()
    {
        if (Marker is not null)
        {
            yield return ("build_metadata.AdditionalFiles.ContractFirst", Marker);
        }

        if (Namespace is not null)
        {
            yield return ("build_metadata.AdditionalFiles.ContractNamespace", Namespace);
        }

        if (ClientName is not null)
        {
            yield return ("build_metadata.AdditionalFiles.ContractClientName", ClientName);
        }
    }

    // Checked-out files may have CRLF endings on Windows; the generator and the snapshots assume LF.
    private static string ReadText(string path) => File.ReadAllText(path).Replace("\r\n", "\n");
}
