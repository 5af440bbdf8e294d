using System.Collections.Immutable;
using System.Text;
using System.Threading;
using ContractFirst.Contract.Helpers;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Emit;
using ContractFirst.Contract.Parsing;
using ContractFirst.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator;

/// <summary>
/// Turns YAML API contracts into a typed SDK: requests, validators, JSON code, exceptions, pricing
/// and a client. Contracts are the AdditionalFiles marked <c>ContractFirst="true"</c>.
/// </summary>
/// <remarks>
/// The pipeline reads AdditionalFiles and their options, and of the Compilation only two flags (does it
/// reference the dependency-injection library; can its runtime call static virtual interface members?);
/// it passes value-equatable models between
/// steps: editing C# re-runs nothing, and editing one contract re-runs only its own steps.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ContractGenerator : IIncrementalGenerator
{
    /// <summary>Item metadata that marks an AdditionalFiles item as a contract.</summary>
    public const string ContractMetadata = "ContractFirst";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var contracts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .WithTrackingName(TrackingNames.ContractFiles);

        var parsed = contracts
            .Select(static (input, cancellationToken) => new ParsedContract(input!.Path, SpecParser.Parse(input, cancellationToken)))
            .WithTrackingName(TrackingNames.ParseContract);

        // Diagnostics and sources are separate outputs so that a diagnostic-only change (a
        // message) doesn't re-emit sources, and sources never depend on diagnostic locations.
        context.RegisterSourceOutput(
            parsed.SelectMany(static (contract, _) => contract.Result.Diagnostics),
            static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        // The one step that sees every contract: two contracts generating the same type into one
        // namespace are reported at both, and neither generates anything. It compares type names
        // only, and its result is equal data unless a clash appears or goes away.
        var conflicts = parsed
            .Select(static (contract, _) => ContractTypes.For(contract))
            .Collect()
            .Select(static (all, _) => TypeConflicts.Find(all))
            .WithTrackingName(TrackingNames.FindConflicts);
        context.RegisterSourceOutput(conflicts.Combine(contracts.Collect()), static (output, pair) => ReportConflicts(output, pair.Left, pair.Right));

        var units = parsed
            .SelectMany(static (contract, _) => contract.Result.Spec is { } spec ? EmitUnit.For(spec, contract.Path) : ImmutableArray<EmitUnit>.Empty)
            .WithTrackingName(TrackingNames.BuildUnits);

        // A look at the Compilation, reduced to a bool so that editing C# re-runs nothing after it:
        // the registration extensions need the dependency-injection library, which an SDK doesn't reference.
        var registrationAvailable = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(ServiceCollectionEmitter.RegistrationType) is not null);

        // Contracts whose SDK lives in a referenced assembly: only their registration is generated here.
        var registrationOnly = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsRegistrationOnly(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left.Path)
            .Collect()
            .Select(static (paths, _) => paths.ToEquatableArray());

        var emitted = units
            .Combine(conflicts.Select(static (found, _) => found.Blocked))
            .Where(static pair => !pair.Right.Contains(pair.Left.ContractPath))
            .Select(static (pair, _) => pair.Left)
            .Combine(registrationAvailable.Combine(registrationOnly))
            .Where(static pair => pair.Left.Kind == UnitKind.ServiceCollection
                ? pair.Right.Left
                : !pair.Right.Right.Contains(pair.Left.ContractPath))
            .Select(static (pair, _) => pair.Left);

        context.RegisterSourceOutput(emitted.Where(static unit => unit.Kind != UnitKind.JsonReaders), static (output, unit) => Emit(output, unit));

        // netstandard2.0 and .NET Framework cannot call IJsonReadable's static ReadJson: there the models
        // register their readers with the runtime from a module initializer. A bool, so editing C# re-emits nothing.
        var needsReaderRegistry = context.CompilationProvider
            .Select(static (compilation, _) => !compilation.SupportsRuntimeCapability(RuntimeCapability.VirtualStaticsInInterfaces))
            .WithTrackingName(TrackingNames.TargetRuntime);
        context.RegisterSourceOutput(
            emitted.Where(static unit => unit.Kind == UnitKind.JsonReaders).Combine(needsReaderRegistry).Where(static pair => pair.Right),
            static (output, pair) => Emit(output, pair.Left));
    }

    private static ContractInput? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (!fileOptions.TryGetValue("build_metadata.AdditionalFiles." + ContractMetadata, out var flag)
            || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new ContractInput(
            file.Path,
            text,
            Option(fileOptions, "build_metadata.AdditionalFiles.ContractNamespace") ?? Option(options.GlobalOptions, "build_property.RootNamespace"),
            Option(fileOptions, "build_metadata.AdditionalFiles.ContractClientName"));
    }

    /// <summary>Whether a contract is marked <c>ContractOutput="DependencyInjection"</c>: its SDK is referenced, only its registration is wanted.</summary>
    private static bool IsRegistrationOnly(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        var fileOptions = options.GetOptions(file);
        return fileOptions.TryGetValue("build_metadata.AdditionalFiles." + ContractMetadata, out var flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)
            && string.Equals(Option(fileOptions, "build_metadata.AdditionalFiles.ContractOutput"), "DependencyInjection", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void Emit(SourceProductionContext output, EmitUnit unit)
    {
        // Emitters format every number with the invariant culture themselves; analyzers may not
        // switch the thread's culture.
        try
        {
            output.AddSource(unit.HintName, SourceText.From(unit.Emit(), Encoding.UTF8));
        }
        catch (ArgumentException ex) when (ex.ParamName == "hintName")
        {
            // Two contracts in one project generating the same type in the same namespace.
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratedFileTaken, ContractStart(unit), unit.HintName));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, ContractStart(unit),
                "emitting " + unit.HintName, ex.Message));
        }
    }

    /// <summary>Reports each clash at the YAML node of the type in each contract (CFG015).</summary>
    private static void ReportConflicts(SourceProductionContext output, TypeConflicts found, ImmutableArray<ContractInput?> inputs)
    {
        if (found.Conflicts.IsEmpty)
        {
            return;
        }

        foreach (var group in found.Conflicts.GroupBy(c => c.Path))
        {
            var input = inputs.FirstOrDefault(i => i?.Path == group.Key);
            var locations = input is null ? [] : SpecParser.LocateTypes(input, output.CancellationToken);
            foreach (var conflict in group)
            {
                var location = locations.TryGetValue(conflict.TypeName, out var at) ? at.ToLocation() : Location.Create(conflict.Path, default, default);
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TypeInOtherContract, location,
                    conflict.TypeName, conflict.Namespace, "the contract " + conflict.OtherPath));
            }
        }
    }

    /// <summary>The start of the contract a unit comes from: where a failure to emit it is reported.</summary>
    private static Location ContractStart(EmitUnit unit) => Location.Create(unit.ContractPath, default, default);
}
