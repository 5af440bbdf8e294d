namespace ContractFirst.Contract.Parsing;

/// <summary>A contract file picked from AdditionalFiles, with its per-file options resolved.</summary>
/// <param name="Namespace">The <c>ContractNamespace</c> item metadata, else the project's root namespace; null falls back to the API name.</param>
/// <param name="ClientName">The <c>ContractClientName</c> item metadata; null gives <c>{ApiName}Client</c>.</param>
internal sealed record ContractInput(string Path, string Text, string? Namespace, string? ClientName);
