using System.Text;

namespace ContractFirst.Generator.Emit;

/// <summary>Generated file names: each starts with its contract's file name, so contracts never name a file alike.</summary>
internal static class HintNames
{
    /// <summary>
    /// The contract's file name without its extension, with every character other than ASCII
    /// letters, digits, '_' and '-' made '_': <c>spec/happyhorse.yaml</c> gives <c>happyhorse</c>.
    /// </summary>
    public static string Prefix(string contractPath)
    {
        var name = contractPath;
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        name = name.Substring(slash + 1);
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name.Substring(0, dot);
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' ? c : '_');
        }

        return builder.Length == 0 ? "contract" : builder.ToString();
    }
}
