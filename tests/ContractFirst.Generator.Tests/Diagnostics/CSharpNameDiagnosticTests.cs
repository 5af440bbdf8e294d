using System.Globalization;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Names the contract turns into C# that C# cannot take: not identifiers (CFG014), or clashing
/// with a member the generator itself declares in the same type (CFG030), named like their own type
/// (CFG031), or alike but for case (CFG032); and YAML the reader refuses before anything is built
/// (CFG013 nesting, CFG023 unpaired surrogates). Each was found
/// by <see cref="ContractFuzzTests"/> as generated code that did not compile, or a crash.
/// </summary>
public sealed class CSharpNameDiagnosticTests
{
    /// <summary>
    /// A valid contract with a slot on a known line for each kind of name: an enum value (line 5,
    /// column 19), a request field (line 11, column 7), a model (line 15, column 3) and a model
    /// field (line 17, column 7).
    /// </summary>
    private static string Contract(string enumValue = "green", string requestField = "note", string model = "Thing", string modelField = "id") => $$"""
        contract: 1
        api: { name: Demo, base_url: https://demo.example }
        enums:
          Color:
            values: [red, {{enumValue}}]
        endpoints:
          things:
            path: /things
            response: {{model}}
            fields:
              {{requestField}}: { type: string }
            actions:
              create:
        models:
          {{model}}:
            fields:
              {{modelField}}: { type: string }
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        """;

    [Fact]
    public void TheTemplateIsValid() => Parse.Valid(Contract());

    [Theory]
    [InlineData("Value")]
    [InlineData("IsKnown")]
    [InlineData("KnownValues")]
    [InlineData("AllowedValues")]
    [InlineData("Read")]
    [InlineData("Equals")]
    [InlineData("GetHashCode")]
    [InlineData("ToString")]
    [InlineData("GetType")]
    [InlineData("Color")]
    public void Cfg030EnumValueNamedLikeAGeneratedMember(string name)
    {
        // Reported at the name, which is what has to change; the enum's own name is CS0542 instead.
        var id = name == "Color" ? "CFG031" : "CFG030";
        var diagnostic = DiagnosticAssert.Reports(Contract(enumValue: $"{{ value: x, name: {name} }}"), id, 5, 37, 5, 37 + name.Length, name);
        Assert.Equal(
            name == "Color"
                ? "enums.Color.values[1].name ('Color') gives the member 'Color' of the type of the same name, which C# does not allow"
                : $"enums.Color.values[1].name ('{name}') gives the C# name '{name}', which the generator already declares on Color",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("is_known", "IsKnown")]
    [InlineData("known-values", "KnownValues")]
    [InlineData("value", "Value")]
    [InlineData("color", "Color")]
    public void Cfg030EnumValueWhoseDerivedNameIsAGeneratedMember(string value, string member)
    {
        var diagnostic = DiagnosticAssert.Reports(Contract(enumValue: value), member == "Color" ? "CFG031" : "CFG030", 5, 19, 5, 19 + value.Length, value);
        Assert.StartsWith($"enums.Color.values[1] ('{value}') gives ", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains($"'{member}'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("validate", "Validate")]
    [InlineData("write_json", "WriteJson")]
    [InlineData("to_string", "ToString")]
    [InlineData("cancellation_token", "CancellationToken")]
    [InlineData("get_type", "GetType")]
    public void Cfg030RequestFieldNamedLikeAGeneratedMember(string field, string property)
    {
        var diagnostic = DiagnosticAssert.Reports(Contract(requestField: field), "CFG030", 11, 7, 11, 7 + field.Length, field);
        Assert.Equal(
            $"endpoints.things.fields.{field} ('{field}') gives the C# name '{property}', which the generator already declares on the request types",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg031RequestFieldNamedLikeItsRequestType()
    {
        // class CreateRequest { string? CreateRequest { get; set; } } does not compile.
        var yaml = Contract(requestField: "create_request").Replace("      create:\n", "      create: { fields: { create_request: optional } }\n", StringComparison.Ordinal);
        var diagnostic = DiagnosticAssert.Reports(yaml, "CFG031", 11, 7, 11, 21, "create_request");
        Assert.Equal(
            "endpoints.things.fields.create_request ('create_request') gives the member 'CreateRequest' of the type of the same name, which C# does not allow",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("read_issues")]
    [InlineData("is_finished")]
    [InlineData("has_succeeded")]
    [InlineData("has_failed")]
    [InlineData("failure_reason")]
    [InlineData("write_json")]
    [InlineData("from_json")]
    [InlineData("read_json")]
    [InlineData("memberwise_clone")]
    [InlineData("thing")]
    public void Cfg030ModelFieldNamedLikeAGeneratedMember(string field) =>
        DiagnosticAssert.Reports(Contract(modelField: field), field == "thing" ? "CFG031" : "CFG030", 17, 7, 17, 7 + field.Length, field);

    [Theory]
    [InlineData("FromJson")]
    [InlineData("ReadIssues")]
    [InlineData("HasFailed")]
    public void Cfg031ModelNamedLikeOneOfItsMembers(string model)
    {
        var diagnostic = DiagnosticAssert.Reports(Contract(model: model), "CFG031", 15, 3, 15, 3 + model.Length, model);
        Assert.Equal($"models.{model} ('{model}') gives the member '{model}' of the type of the same name, which C# does not allow", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("DemoErrors")]
    [InlineData("DemoException")]
    [InlineData("DemoClientOptions")]
    public void Cfg029ModelNamedLikeAGeneratedType(string model)
    {
        var diagnostic = DiagnosticAssert.Reports(Contract(model: model), "CFG029", 15, 3, 15, 3 + model.Length, model);
        Assert.Equal($"models.{model} ('{model}') gives the C# type '{model}', as api does", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg032TypesThatDifferOnlyInCase()
    {
        // Generated file names are compared ignoring case: Color.g.cs and COLOR.g.cs are one file.
        var diagnostic = DiagnosticAssert.Reports(Contract(model: "COLOR"), "CFG032", 15, 3, 15, 8, "COLOR");
        Assert.Equal(
            "models.COLOR generates the type 'COLOR' and enums.Color generates 'Color'; names that differ only in case give the same file name",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1abc", "1abc", "starts with a digit")]
    [InlineData("9", "9", "starts with a digit")]
    [InlineData("'٣x'", "٣x", "starts with a digit")]
    public void Cfg014ModelFieldThatIsNoIdentifier(string field, string property, string problem)
    {
        var diagnostic = DiagnosticAssert.Reports(Contract(modelField: field), "CFG014", 17, 7, 17, 7 + field.Length, field);
        Assert.Equal($"models.Thing.fields.{property} ('{property}') gives the C# name '{property}', which {problem}; a C# name starts with a letter or '_'",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg014RequestFieldThatIsNoIdentifier() =>
        DiagnosticAssert.Reports(Contract(requestField: "2nd_image"), "CFG014", 11, 7, 11, 16, "2nd_image");

    [Fact]
    public void Cfg030ActionModelNamedDefault()
    {
        // An action's model enum has a Default member: the model the request sends when unset.
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
                    models: [v1, default]
            models:
              Thing:
                fields:
                  id: { type: string }
            errors:
              cases:
                - { status: 400, exception: BadRequest }
            """,
            "CFG030", 10, 22, 10, 29, "default");
        Assert.Equal(
            "endpoints.things.actions.create.models[1] ('default') gives the C# name 'Default', which the generator already declares on CreateModel",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg031EnumNamedLikeItsValue()
    {
        // enum Auto { Auto }: a member may not be named like its type.
        var yaml = Contract().Replace("  Color:\n    values: [red, green]", "  Auto:\n    values: [auto, origin]", StringComparison.Ordinal);
        DiagnosticAssert.Reports(yaml, "CFG031", 5, 14, 5, 18, "auto");
    }

    [Fact]
    public void Cfg023UnpairedSurrogateInTheFileItself()
    {
        // A damaged file can hold one directly, not only through an escape.
        var yaml = Contract().Replace("[red, green]", "[red, gr\uD800een]", StringComparison.Ordinal);
        var diagnostic = DiagnosticAssert.Reports(yaml, "CFG023", 5, 19, 5, 25, "gr\uD800een");
        Assert.Equal(
            "enums.Color.values[1] is 'gr\\uD800een', which holds the unpaired surrogate U+D800, not a Unicode character",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(63)]
    public void Cfg013DeeplyNestedFlowList(int depth)
    {
        // The root mapping is level 0 and the values list level 3, so the 63rd '[' is level 65,
        // one too deep; nothing past it is read (nor parsed: YamlDotNet reads as we consume).
        var yaml = Contract().Replace("[red, green]", new string('[', depth) + new string(']', depth), StringComparison.Ordinal);
        var diagnostic = DiagnosticAssert.Reports(yaml, "CFG013", 5, 13 + 62, 5, 13 + 63, "[");
        Assert.Equal("The YAML is nested more than 64 levels deep here; a contract needs far fewer", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg013DeeplyNestedFlowMapping()
    {
        var yaml = "contract: 1\napi: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000) + "\n";
        // The 64th mapping is level 64; its key 'a' is level 65.
        DiagnosticAssert.Reports(yaml, "CFG013", 2, 6 + (63 * 4) + 1, 2, 6 + (63 * 4) + 2, "a");
    }

    [Fact]
    public void Cfg013DeeplyNestedBlockMapping()
    {
        var lines = Enumerable.Range(0, 70).Select(i => new string(' ', 2 * i) + "k:");
        var yaml = "contract: 1\napi:\n" + string.Join("\n", lines.Select(l => "  " + l)) + " leaf\n";
        DiagnosticAssert.Reports(yaml, "CFG013", 66, 129, 66, 130, "k");
    }

    [Fact]
    public void NestingUpToTheLimitIsRead()
    {
        // 61 lists from level 3 to 63, and 'red' at level 64, the deepest allowed: read, then refused
        // as an enum value that is a list, not for its depth.
        var yaml = Contract().Replace("[red, green]", new string('[', 61) + "red" + new string(']', 61), StringComparison.Ordinal);
        var diagnostic = DiagnosticAssert.Reports(yaml, "CFG004", 5, 14, 5, 14, "");
        Assert.Equal("enums.Color.values[0] must be a non-empty scalar", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
