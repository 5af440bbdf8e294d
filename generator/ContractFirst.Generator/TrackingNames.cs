namespace ContractFirst.Generator;

/// <summary>Names of the pipeline steps, so tests can assert each step's cache state.</summary>
public static class TrackingNames
{
    /// <summary>Contract files picked from AdditionalFiles, with their per-file options.</summary>
    public const string ContractFiles = nameof(ContractFiles);

    /// <summary>Each contract parsed into a model plus diagnostics.</summary>
    public const string ParseContract = nameof(ParseContract);

    /// <summary>Parsed contracts without errors, split into one unit per generated file.</summary>
    public const string BuildUnits = nameof(BuildUnits);

    /// <summary>Every valid contract's types together: clashes between contracts of one compilation.</summary>
    public const string FindConflicts = nameof(FindConflicts);

    /// <summary>Whether the compilation's runtime lacks static virtual interface members (netstandard2.0).</summary>
    public const string TargetRuntime = nameof(TargetRuntime);
}
