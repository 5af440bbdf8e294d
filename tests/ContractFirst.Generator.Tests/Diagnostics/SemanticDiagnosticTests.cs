using System.Globalization;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics about what a contract means: types, references, defaults, bounds, names and keys
/// that do not apply. Each contract is <see cref="StructureDiagnosticTests.Valid"/> with one mistake.
/// </summary>
public sealed class SemanticDiagnosticTests
{
    [Fact]
    public void Cfg006UnknownFieldType()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: strnig }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG006", 12, 19, 12, 25, "strnig");
        Assert.StartsWith("Unknown type 'strnig' for models.Thing.fields.id.type;", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg006IsTheOnlyErrorWhenTheBrokenFieldIsUsedElsewhere()
    {
        // The field still exists for references: no CFG007 per action, shared list or billing entry.
        DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            enums:
              Size: { values: [small, large] }
            endpoints:
              things:
                path: /things
                response: Thing
                fields:
                  size: { type: Size }
                  seconds: { type: int, min: 1 }
                shared: [size]
                actions:
                  create: { fields: { seconds: { required: true, max: 9 } } }
                  copy: { fields: { seconds: optional } }
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            billing:
              endpoint: things
              currency: USD
              rate_field: size
              rates: { small: 1, large: 2 }
              duration_field: seconds
            """,
            "CFG006", 11, 24, 11, 27, "int");
    }

    [Fact]
    public void Cfg007SharedFieldThatIsNotDefined()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                fields:
                  color: { type: string }
                shared: [colour]
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG007", 9, 14, 9, 20, "colour");
        Assert.Equal("endpoints.things.shared[0] names 'colour', which is not a field of endpoints.things",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg024UnknownResponseModel()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                actions:
                  create:
                    response: Thingy
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG024", 8, 19, 8, 25, "Thingy");
        Assert.Equal("endpoints.things.actions.create.response names 'Thingy', which is not a model defined under 'models'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg008DefaultModelOutsideTheActionsModels()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                model_field: model
                actions:
                  create:
                    models: [thing-1, thing-2]
                    default_model: thing-3
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG008", 11, 24, 11, 31, "thing-3");
        Assert.Equal("default_model 'thing-3' of action 'create' is not one of its models: thing-1, thing-2",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg009MinAboveMax()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                fields:
                  count: { type: integer, min: 10, max: 1 }
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG009", 8, 36, 8, 38, "10");
        Assert.Equal("endpoints.things.fields.count: min (10) is greater than max (1)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg009MinItemsAboveMaxItems()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                fields:
                  tags: { type: array, items: string }
                actions:
                  create:
                    fields:
                      tags: { min_items: 3, max_items: 2 }
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG009", 12, 30, 12, 31, "3");
        Assert.Contains("min_items (3) is greater than max_items (2)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg010DuplicateYamlKey()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                path: /other
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG010", 7, 5, 7, 9, "path");
        Assert.Equal("endpoints.things.path is written twice; the first is at line 5", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg028DuplicateEnumValue()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            enums:
              Color:
                values: [red, green, red]
            endpoints:
              things:
                path: /things
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG028", 5, 26, 5, 29, "red");
        Assert.Equal("enums.Color.values lists 'red' twice", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg029TwoFieldsGenerateTheSameProperty()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                actions:
                  create:
            models:
              Thing:
                fields:
                  image_url: { type: url }
                  image-url: { type: url }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG029", 13, 7, 13, 16, "image-url");
        Assert.Equal("models.Thing.fields.image-url ('image-url') gives the C# property 'ImageUrl', as 'image_url' does", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg011MinOnAStringField()
    {
        var diagnostic = DiagnosticAssert.Reports("""
            contract: 1
            api: { name: Demo, base_url: https://demo.example }
            endpoints:
              things:
                path: /things
                response: Thing
                fields:
                  name: { type: string, min: 1 }
                actions:
                  create:
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG011", 8, 29, 8, 32, "min");
        Assert.Equal("'min' does not apply to endpoints.things.fields.name, of type string; it applies to: integer, number",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
