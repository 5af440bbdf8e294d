using System.Collections.Immutable;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

internal enum UnitKind
{
    Enum,
    RequestInterface,
    ActionModels,
    Request,
    RequestValidation,
    RequestJson,
    Model,
    ModelJson,
    Errors,
    Pricing,
    Client,
    ClientOptions,
}

/// <summary>One generated file: which emitter, for which named part of which contract.</summary>
/// <remarks>
/// Carries the whole (value-equal) contract, so an unchanged contract re-emits nothing, and the
/// positions of its part in the contract's lists, found when the units were built, so emitting
/// looks nothing up by name.
/// </remarks>
/// <param name="FilePrefix">The contract's file name made safe for a hint name, so that two contracts never name a file alike.</param>
/// <param name="ContractPath">The contract file, where a failure to emit is reported.</param>
internal sealed record EmitUnit(ContractSpec Spec, UnitKind Kind, string Name, string FilePrefix, string ContractPath, int Index = -1, int ActionIndex = -1)
{
    public string HintName => Kind switch
    {
        UnitKind.RequestValidation => $"{FilePrefix}.{Spec.Namespace}.{Name}.Validation.g.cs",
        UnitKind.RequestJson or UnitKind.ModelJson => $"{FilePrefix}.{Spec.Namespace}.{Name}.Json.g.cs",
        _ => $"{FilePrefix}.{Spec.Namespace}.{Name}.g.cs",
    };

    public static ImmutableArray<EmitUnit> For(ContractSpec spec, string contractPath)
    {
        var prefix = HintNames.Prefix(contractPath);
        var units = ImmutableArray.CreateBuilder<EmitUnit>();
        EmitUnit Unit(UnitKind kind, string name, int index = -1, int actionIndex = -1) => new(spec, kind, name, prefix, contractPath, index, actionIndex);

        for (var i = 0; i < spec.Enums.Count; i++)
        {
            units.Add(Unit(UnitKind.Enum, spec.Enums[i].Name, i));
        }

        for (var e = 0; e < spec.Endpoints.Count; e++)
        {
            var endpoint = spec.Endpoints[e];
            units.Add(Unit(UnitKind.RequestInterface, endpoint.RequestInterfaceName, e));
            for (var a = 0; a < endpoint.Actions.Count; a++)
            {
                var action = endpoint.Actions[a];
                if (endpoint.ModelField is not null && !action.Models.IsEmpty)
                {
                    units.Add(Unit(UnitKind.ActionModels, action.ModelTypeName, e, a));
                }

                units.Add(Unit(UnitKind.Request, action.RequestTypeName, e, a));
                units.Add(Unit(UnitKind.RequestValidation, action.RequestTypeName, e, a));
                units.Add(Unit(UnitKind.RequestJson, action.RequestTypeName, e, a));
            }
        }

        for (var i = 0; i < spec.Models.Count; i++)
        {
            units.Add(Unit(UnitKind.Model, spec.Models[i].Name, i));
            units.Add(Unit(UnitKind.ModelJson, spec.Models[i].Name, i));
        }

        units.Add(Unit(UnitKind.Errors, spec.Api.Name + "Exception"));
        if (spec.Billing is not null)
        {
            units.Add(Unit(UnitKind.Pricing, spec.Api.Name + "Pricing"));
        }

        units.Add(Unit(UnitKind.Client, spec.ClientName));
        units.Add(Unit(UnitKind.ClientOptions, spec.ClientName + "Options"));
        return units.ToImmutable();
    }

    public string Emit()
    {
        switch (Kind)
        {
            case UnitKind.Enum:
                return EnumEmitter.Emit(Spec, Spec.Enums[Index]);
            case UnitKind.RequestInterface:
                return RequestInterfaceEmitter.Emit(Spec, Spec.Endpoints[Index]);
            case UnitKind.ActionModels:
                return EnumEmitter.Emit(Spec, Spec.Endpoints[Index].Actions[ActionIndex]);
            case UnitKind.Request:
                return RequestEmitter.Emit(Spec, Spec.Endpoints[Index], Spec.Endpoints[Index].Actions[ActionIndex]);
            case UnitKind.RequestValidation:
                return ValidatorEmitter.Emit(Spec, Spec.Endpoints[Index], Spec.Endpoints[Index].Actions[ActionIndex]);
            case UnitKind.RequestJson:
                return JsonWriterEmitter.Emit(Spec, Spec.Endpoints[Index], Spec.Endpoints[Index].Actions[ActionIndex]);
            case UnitKind.Model:
                return ModelEmitter.Emit(Spec, Spec.Models[Index]);
            case UnitKind.ModelJson:
                return JsonReaderEmitter.Emit(Spec, Spec.Models[Index]);
            case UnitKind.Errors:
                return ErrorsEmitter.Emit(Spec);
            case UnitKind.Pricing:
                return Spec.Billing is { } billing ? PricingEmitter.Emit(Spec, billing) : string.Empty;
            case UnitKind.Client:
                return ClientEmitter.Emit(Spec);
            default:
                return ClientEmitter.EmitOptions(Spec);
        }
    }
}
