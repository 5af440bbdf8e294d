using System.Globalization;
using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>Request objects (<c>objects:</c>, format 2): how they are read, and each misuse at its YAML position.</summary>
public sealed class ObjectDiagnosticTests
{
    /// <summary>A valid contract with one nested object; <paramref name="edit"/> breaks one line of it.</summary>
    private static string Contract(string find = "", string replace = "")
    {
        const string Yaml = """
            contract: 2
            api: { name: Demo, base_url: https://demo.example }
            objects:
              Camera:
                fields:
                  move: { type: string, required: true }
                  config: { type: Config }
              Config:
                fields:
                  zoom: { type: number, min: -1, max: 1 }
            endpoints:
              things:
                path: /things
                discriminator: action
                response: Thing
                fields:
                  camera: { type: Camera }
                  cameras: { type: array, items: Camera, max_items: 3 }
                actions:
                  create: { fields: { camera: optional, cameras: optional } }
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """;
        return find.Length == 0 ? Yaml : Yaml.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectsAreReadWithTheirRequiredFieldsAndUsedByRequestFields()
    {
        var spec = Parse.Valid(Contract());

        var camera = spec.Objects.Single(o => o.Name == "Camera");
        Assert.Equal([("move", true), ("config", false)], camera.Fields.Select(f => (f.JsonName, f.Required)));
        Assert.Equal(new TypeRef(FieldKind.Object, "Config", IsArray: false), camera.Fields[1].Type);
        var action = spec.Endpoints[0].Actions[0];
        Assert.Equal(new TypeRef(FieldKind.Object, "Camera", IsArray: true), action.Fields.Single(f => f.JsonName == "cameras").Type);
    }

    [Fact]
    public void Cfg006AResponseModelCannotUseARequestObject()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("      id: { type: string }", "      id: { type: Camera }"),
            "CFG006", 24, 19, 24, 25, "Camera");
        Assert.EndsWith("(objects describe requests; response fields use models)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg006ARequestFieldCannotUseAResponseModel()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("      camera: { type: Camera }", "      camera: { type: Thing }"),
            "CFG006", 17, 23, 17, 28, "Thing");
        Assert.EndsWith("(models describe responses; request fields use objects)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg005RequiredIsTrueOrFalse()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("required: true }", "required: yes }"), "CFG005", 6, 39, 6, 42, "yes");
        Assert.Equal("objects.Camera.fields.move.required is 'yes', which is not one of: true, false", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg029AnObjectNamedLikeAModel()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("  Config:\n    fields:\n      zoom", "  Thing:\n    fields:\n      zoom").Replace("type: Config", "type: Thing", StringComparison.Ordinal),
            "CFG029", 8, 3, 8, 8, "Thing");
        Assert.Equal("objects.Thing ('Thing') gives the C# type 'Thing', as models.Thing does", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg030AnObjectFieldNamedLikeAGeneratedMember()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("      move: { type: string, required: true }", "      validate: { type: string, required: true }"),
            "CFG030", 6, 7, 6, 15, "validate");
        Assert.Equal("objects.Camera.fields.validate ('validate') gives the C# name 'Validate', which the generator already declares on Camera", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg002RequiredIsAnObjectKeyNotAnEndpointFieldKey()
    {
        DiagnosticAssert.Reports(Contract("      camera: { type: Camera }", "      camera: { type: Camera, required: true }"),
            "CFG002", 17, 31, 17, 39, "required");
    }

    [Fact]
    public void Cfg003AnObjectWithoutFields() =>
        DiagnosticAssert.Reports(Contract("  Config:\n    fields:\n      zoom: { type: number, min: -1, max: 1 }", "  Config:\n    fields:"),
            "CFG003", 9, 5, 9, 11, "fields");
}
