using System.Collections.Immutable;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

internal enum UnitKind
{
    Enum,
    RequestInterface,
    ActionModels,
    EndpointModels,
    Request,
    RequestValidation,
    RequestJson,
    Model,
    ModelJson,
    Object,
    ObjectValidation,
    ObjectJson,
    Errors,
    Pricing,
    Client,
    ClientOptions,
    Operation,
    ServiceCollection,
    ClientCallbacks,
    ModelFactory,
    JsonReaders,
}

/// <summary>One generated file: which emitter, and only the slice of the contract that file is made from.</summary>
/// <remarks>
/// Units are value-equal records compared by the incremental pipeline, so a file is emitted again
/// only when its own slice changed: an enum, a model, one action (with its endpoint's own settings,
/// not its sibling actions), the endpoint's interface (with the names of its actions), the
/// exceptions (errors, API names, the polled record), the options (polling). Only the client and
/// the price estimates, which span the endpoints, carry the whole contract.
/// </remarks>
/// <param name="FilePrefix">The contract's file name made safe for a hint name, so that two contracts never name a file alike.</param>
/// <param name="ContractPath">The contract file, where a failure to emit is reported.</param>
/// <param name="Namespace">The namespace the file is generated into.</param>
internal sealed record EmitUnit(UnitKind Kind, string Name, string FilePrefix, string ContractPath, string Namespace)
{
    /// <summary>The whole contract, for the files that span it; null otherwise.</summary>
    public ContractSpec? Spec { get; init; }

    public EnumSpec? Enum { get; init; }

    /// <summary>The endpoint without its actions, so one action's edit leaves its siblings' files alone.</summary>
    public EndpointSpec? Endpoint { get; init; }

    public ActionSpec? Action { get; init; }

    public ModelSpec? Model { get; init; }

    /// <summary>The property naming the started task, when <see cref="Model"/> answers a submit of a polled contract.</summary>
    public string? TaskIdProperty { get; init; }

    public ObjectSpec? Object { get; init; }

    /// <summary>For the client's callbacks file: the record id and the answers a record carries.</summary>
    public ClientCallbacksEmitter.Slice? Callbacks { get; init; }

    /// <summary>The request types that implement an endpoint's interface.</summary>
    public EquatableArray<string> Implementations { get; init; }

    /// <summary>The response models, whose JSON readers a netstandard2.0 build registers.</summary>
    public EquatableArray<string> ReadableModels { get; init; }

    public string HintName => Kind switch
    {
        UnitKind.RequestValidation or UnitKind.ObjectValidation => $"{FilePrefix}.{Namespace}.{Name}.Validation.g.cs",
        UnitKind.RequestJson or UnitKind.ModelJson or UnitKind.ObjectJson => $"{FilePrefix}.{Namespace}.{Name}.Json.g.cs",
        _ => $"{FilePrefix}.{Namespace}.{Name}.g.cs",
    };

    public static ImmutableArray<EmitUnit> For(ContractSpec spec, string contractPath)
    {
        var prefix = HintNames.Prefix(contractPath);
        var units = ImmutableArray.CreateBuilder<EmitUnit>();
        EmitUnit Unit(UnitKind kind, string name) => new(kind, name, prefix, contractPath, spec.Namespace);

        foreach (var enumSpec in spec.Enums)
        {
            units.Add(Unit(UnitKind.Enum, enumSpec.Name) with { Enum = enumSpec });
        }

        foreach (var endpoint in spec.Endpoints)
        {
            var own = endpoint with { Actions = EquatableArray<ActionSpec>.Empty };
            units.Add(Unit(UnitKind.RequestInterface, endpoint.RequestInterfaceName) with
            {
                Endpoint = own,
                Implementations = endpoint.Actions.Select(a => a.RequestTypeName).ToEquatableArray(),
            });
            if (endpoint.ModelField is not null && !endpoint.Models.IsEmpty)
            {
                // One model type for every action of the endpoint; it needs the endpoint's models, not its fields.
                units.Add(Unit(UnitKind.EndpointModels, endpoint.ModelTypeName) with { Endpoint = own with { Shared = EquatableArray<FieldSpec>.Empty } });
            }

            foreach (var action in endpoint.Actions)
            {
                if (endpoint.ModelField is not null && !action.Models.IsEmpty && endpoint.Models.IsEmpty)
                {
                    units.Add(Unit(UnitKind.ActionModels, action.ModelTypeName) with { Action = action });
                }

                units.Add(Unit(UnitKind.Request, action.RequestTypeName) with { Endpoint = own, Action = action });
                units.Add(Unit(UnitKind.RequestValidation, action.RequestTypeName) with { Endpoint = own, Action = action });
                units.Add(Unit(UnitKind.RequestJson, action.RequestTypeName) with { Endpoint = own, Action = action });
            }
        }

        var submitResponses = spec.Endpoints.Where(e => e.Kind == EndpointKind.Submit).SelectMany(e => e.Actions).Select(a => a.Response).ToImmutableHashSet();
        foreach (var model in spec.Models)
        {
            var taskId = spec.Polling?.TaskIdProperty is { } property && submitResponses.Contains(model.Name)
                && model.Fields.Any(f => f.PropertyName == property && !f.Type.IsArray && f.Type.Kind == FieldKind.String) ? property : null;
            units.Add(Unit(UnitKind.Model, model.Name) with { Model = model, TaskIdProperty = taskId });
            units.Add(Unit(UnitKind.ModelJson, model.Name) with { Model = model });
        }

        foreach (var obj in spec.Objects)
        {
            units.Add(Unit(UnitKind.Object, obj.Name) with { Object = obj });
            units.Add(Unit(UnitKind.ObjectValidation, obj.Name) with { Object = obj });
            units.Add(Unit(UnitKind.ObjectJson, obj.Name) with { Object = obj });
        }

        // The exceptions need the errors, the API's names and the polled record (for the failed-task exception), nothing else.
        var record = spec.Models.Where(m => m.Name == spec.Polling?.RecordModel).ToEquatableArray();
        units.Add(Unit(UnitKind.Errors, spec.Api.Name + "Exception") with
        {
            Spec = spec with { Enums = EquatableArray<EnumSpec>.Empty, Endpoints = EquatableArray<EndpointSpec>.Empty, Models = record, Objects = EquatableArray<ObjectSpec>.Empty, Billing = null },
        });
        // The model factory needs the models and the API's names only.
        if (!spec.Models.IsEmpty)
        {
            units.Add(Unit(UnitKind.ModelFactory, ModelFactoryEmitter.Name(spec)) with
            {
                Spec = spec with { Enums = EquatableArray<EnumSpec>.Empty, Endpoints = EquatableArray<EndpointSpec>.Empty, Objects = EquatableArray<ObjectSpec>.Empty, Billing = null, Polling = null, Errors = spec.Errors with { Cases = EquatableArray<ErrorCaseSpec>.Empty } },
            });
        }

        if (spec.Billing is not null)
        {
            units.Add(Unit(UnitKind.Pricing, spec.Api.Name + "Pricing") with { Spec = spec });
        }

        units.Add(Unit(UnitKind.Client, spec.ClientName) with { Spec = spec });

        // Emitted only where interfaces cannot have static virtual members (ContractGenerator filters it).
        if (!spec.Models.IsEmpty)
        {
            units.Add(Unit(UnitKind.JsonReaders, JsonReadersEmitter.Name(spec)) with { ReadableModels = spec.Models.Select(m => m.Name).ToEquatableArray() });
        }

        // The options and the operation need the client's and the API's names and the polling rules only.
        var names = spec with
        {
            Enums = EquatableArray<EnumSpec>.Empty,
            Endpoints = EquatableArray<EndpointSpec>.Empty,
            Models = EquatableArray<ModelSpec>.Empty,
            Objects = EquatableArray<ObjectSpec>.Empty,
            Billing = null,
            Errors = spec.Errors with { Cases = EquatableArray<ErrorCaseSpec>.Empty },
        };
        units.Add(Unit(UnitKind.ClientOptions, spec.ClientName + "Options") with { Spec = names });
        if (spec.Polling is not null)
        {
            units.Add(Unit(UnitKind.Operation, OperationEmitter.Name(spec)) with { Spec = names });
            units.Add(Unit(UnitKind.ClientCallbacks, spec.ClientName + "." + ClientCallbacksEmitter.HintSuffix) with { Spec = names, Callbacks = ClientCallbacksEmitter.SliceOf(spec) });
        }

        // Emitted only where the dependency-injection library is referenced (see ContractGenerator).
        units.Add(Unit(UnitKind.ServiceCollection, ServiceCollectionEmitter.Name(spec)) with { Spec = names with { Polling = null } });

        return units.ToImmutable();
    }

    public string Emit() => Kind switch
    {
        UnitKind.Enum => EnumEmitter.Emit(Namespace, Enum!),
        UnitKind.RequestInterface => RequestInterfaceEmitter.Emit(Namespace, Endpoint!, Implementations),
        UnitKind.ActionModels => EnumEmitter.Emit(Namespace, Action!),
        UnitKind.EndpointModels => EnumEmitter.Emit(Namespace, Endpoint!),
        UnitKind.Request => RequestEmitter.Emit(Namespace, Endpoint!, Action!),
        UnitKind.RequestValidation => ValidatorEmitter.Emit(Namespace, Endpoint!, Action!),
        UnitKind.RequestJson => JsonWriterEmitter.Emit(Namespace, Endpoint!, Action!),
        UnitKind.Model => ModelEmitter.Emit(Namespace, Model!, TaskIdProperty),
        UnitKind.ModelJson => JsonReaderEmitter.Emit(Namespace, Model!),
        UnitKind.Object => RequestEmitter.Emit(Namespace, Object!),
        UnitKind.ObjectValidation => ValidatorEmitter.Emit(Namespace, Object!),
        UnitKind.ObjectJson => JsonWriterEmitter.Emit(Namespace, Object!),
        UnitKind.Errors => ErrorsEmitter.Emit(Spec!),
        UnitKind.Pricing => Spec!.Billing is { } billing ? PricingEmitter.Emit(Spec, billing) : string.Empty,
        UnitKind.Client => ClientEmitter.Emit(Spec!),
        UnitKind.Operation => OperationEmitter.Emit(Spec!),
        UnitKind.ServiceCollection => ServiceCollectionEmitter.Emit(Spec!),
        UnitKind.ClientCallbacks => ClientCallbacksEmitter.Emit(Spec!, Callbacks!),
        UnitKind.ModelFactory => ModelFactoryEmitter.Emit(Spec!),
        UnitKind.JsonReaders => JsonReadersEmitter.Emit(Namespace, Name, ReadableModels),
        _ => ClientEmitter.EmitOptions(Spec!),
    };
}
