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
/// <remarks>Carries the whole (value-equal) contract, so an unchanged contract re-emits nothing.</remarks>
internal sealed record EmitUnit(ContractSpec Spec, UnitKind Kind, string Name)
{
    public string HintName => Kind switch
    {
        UnitKind.RequestValidation => $"{Spec.Namespace}.{Name}.Validation.g.cs",
        UnitKind.RequestJson or UnitKind.ModelJson => $"{Spec.Namespace}.{Name}.Json.g.cs",
        _ => $"{Spec.Namespace}.{Name}.g.cs",
    };

    public static ImmutableArray<EmitUnit> For(ContractSpec spec)
    {
        var units = ImmutableArray.CreateBuilder<EmitUnit>();
        foreach (var enumSpec in spec.Enums)
        {
            units.Add(new(spec, UnitKind.Enum, enumSpec.Name));
        }

        foreach (var endpoint in spec.Endpoints)
        {
            units.Add(new(spec, UnitKind.RequestInterface, endpoint.RequestInterfaceName));
            foreach (var action in endpoint.Actions)
            {
                if (endpoint.ModelField is not null && !action.Models.IsEmpty)
                {
                    units.Add(new(spec, UnitKind.ActionModels, action.ModelTypeName));
                }

                units.Add(new(spec, UnitKind.Request, action.RequestTypeName));
                units.Add(new(spec, UnitKind.RequestValidation, action.RequestTypeName));
                units.Add(new(spec, UnitKind.RequestJson, action.RequestTypeName));
            }
        }

        foreach (var model in spec.Models)
        {
            units.Add(new(spec, UnitKind.Model, model.Name));
            units.Add(new(spec, UnitKind.ModelJson, model.Name));
        }

        units.Add(new(spec, UnitKind.Errors, spec.Api.Name + "Exception"));
        if (spec.Billing is not null)
        {
            units.Add(new(spec, UnitKind.Pricing, spec.Api.Name + "Pricing"));
        }

        units.Add(new(spec, UnitKind.Client, spec.ClientName));
        units.Add(new(spec, UnitKind.ClientOptions, spec.ClientName + "Options"));
        return units.ToImmutable();
    }

    public string Emit()
    {
        switch (Kind)
        {
            case UnitKind.Enum:
                return EnumEmitter.Emit(Spec, Spec.Enums.First(e => e.Name == Name));
            case UnitKind.RequestInterface:
                return RequestInterfaceEmitter.Emit(Spec, Spec.Endpoints.First(e => e.RequestInterfaceName == Name));
            case UnitKind.ActionModels:
                return EnumEmitter.Emit(Spec, Action(a => a.ModelTypeName == Name).Action);
            case UnitKind.Request:
                var (endpoint, action) = Action(a => a.RequestTypeName == Name);
                return RequestEmitter.Emit(Spec, endpoint, action);
            case UnitKind.RequestValidation:
                (endpoint, action) = Action(a => a.RequestTypeName == Name);
                return ValidatorEmitter.Emit(Spec, endpoint, action);
            case UnitKind.RequestJson:
                (endpoint, action) = Action(a => a.RequestTypeName == Name);
                return JsonWriterEmitter.Emit(Spec, endpoint, action);
            case UnitKind.Model:
                return ModelEmitter.Emit(Spec, Spec.Models.First(m => m.Name == Name));
            case UnitKind.ModelJson:
                return JsonReaderEmitter.Emit(Spec, Spec.Models.First(m => m.Name == Name));
            case UnitKind.Errors:
                return ErrorsEmitter.Emit(Spec);
            case UnitKind.Pricing:
                return PricingEmitter.Emit(Spec, Spec.Billing!);
            case UnitKind.Client:
                return ClientEmitter.Emit(Spec);
            default:
                return ClientEmitter.EmitOptions(Spec);
        }
    }

    private (EndpointSpec Endpoint, ActionSpec Action) Action(Func<ActionSpec, bool> match)
    {
        foreach (var endpoint in Spec.Endpoints)
        {
            foreach (var action in endpoint.Actions)
            {
                if (match(action))
                {
                    return (endpoint, action);
                }
            }
        }

        throw new InvalidOperationException("No action generates " + Name);
    }
}
