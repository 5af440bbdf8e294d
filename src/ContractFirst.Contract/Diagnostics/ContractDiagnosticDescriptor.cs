using System.Globalization;

namespace ContractFirst.Contract.Diagnostics;

/// <summary>How serious a contract diagnostic is by default.</summary>
public enum ContractDiagnosticSeverity
{
    /// <summary>Information only.</summary>
    Info,

    /// <summary>Something probably wrong; the contract is still read.</summary>
    Warning,

    /// <summary>The contract is not read: no model is produced.</summary>
    Error,
}

/// <summary>One kind of contract problem: its stable id, title and message format, without any Roslyn type.</summary>
/// <param name="Id">The stable id, for example <c>CFG002</c>.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">The message, with <c>{0}</c>, <c>{1}</c>… for the arguments.</param>
/// <param name="DefaultSeverity">The severity the diagnostic has unless configured otherwise.</param>
public sealed record ContractDiagnosticDescriptor(string Id, string Title, string MessageFormat, ContractDiagnosticSeverity DefaultSeverity)
{
    /// <summary>The category every contract diagnostic belongs to.</summary>
    public const string Category = "ContractFirst";

    /// <summary>Gets what the diagnostic means and how to fix the contract; shown by IDEs beside the message.</summary>
    public string Description { get; init; } = "";

    /// <summary>Where every diagnostic is explained, with an example: the generator's README on the project's repository.</summary>
    /// <remarks>Kept equal to <c>RepositoryUrl</c> in Directory.Build.props by a test; change both when the repository moves.</remarks>
    public const string HelpPage = "https://github.com/happyhorse-generated/HappyHorse.Generated/blob/main/generator/README.md";

    /// <summary>Gets the address of this diagnostic's entry in the generator's README.</summary>
    public string HelpLink => HelpPage + "#" + Id.ToLowerInvariant();

    /// <summary>Formats the message with <paramref name="args"/>, as Roslyn would.</summary>
    /// <param name="args">The message arguments.</param>
    /// <returns>The message.</returns>
    public string FormatMessage(IReadOnlyList<string> args) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, args.Cast<object>().ToArray());
}
