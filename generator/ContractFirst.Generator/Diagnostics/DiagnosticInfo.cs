using ContractFirst.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Diagnostics;

/// <summary>A diagnostic as pipeline data: the descriptor's id, where, and the message arguments.</summary>
/// <remarks><see cref="Diagnostic"/> itself compares by reference, so it would defeat caching.</remarks>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Args)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor.Id, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById(Id),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            Args.Cast<object>().ToArray());
}
