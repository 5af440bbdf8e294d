using System.Globalization;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics of the format 2 keys: endpoints without a discriminator (a single operation), models declared
/// once per endpoint and narrowed by actions, and those keys in a version 1 file. Each contract is
/// <see cref="Valid"/> with one mistake, so the one diagnostic expected is the only one (that Valid itself is
/// valid, and compiles, is FormatVersionTests.Format2ShapesGenerateCodeThatCompilesWithoutWarnings).
/// </summary>
public sealed class Format2DiagnosticTests
{
    /// <summary>
    /// <see cref="StructureDiagnosticTests.Valid"/> in format 2, whose endpoint lists models (with a default) that
    /// one action takes all of and another narrows, plus a single-operation endpoint. Lines 4 to 19:
    /// <code>
    ///   things:                              # line 4
    ///     path: /things
    ///     response: Thing
    ///     discriminator: action
    ///     model_field: model                 # line 8
    ///     models: [thing-1, thing-2, thing-3]
    ///     default_model: thing-1             # line 10
    ///     actions:
    ///       create:                          # line 12
    ///       copy:
    ///         models: [thing-2, thing-1]     # line 14
    ///   lookups:
    ///     path: /lookups                     # line 16
    ///     response: Thing
    ///     actions:                           # line 18
    ///       find:
    /// </code>
    /// </summary>
    public static readonly string Valid = StructureDiagnosticTests.Valid
        .Replace("contract: 1\n", "contract: 2\n", StringComparison.Ordinal)
        .Replace("    response: Thing\n    actions:\n      create:\n", """
                response: Thing
                discriminator: action
                model_field: model
                models: [thing-1, thing-2, thing-3]
                default_model: thing-1
                actions:
                  create:
                  copy:
                    models: [thing-2, thing-1]
              lookups:
                path: /lookups
                response: Thing
                actions:
                  find:

            """, StringComparison.Ordinal);

    /// <summary>The id, what it is about, an edit of <see cref="Valid"/> (find, replace), the span (line, column, end line, end column, the text covered) and the message.</summary>
    public static TheoryData<string, string, string, string, int, int, int, int, string, string> Mistakes => new()
    {
        {
            "CFG050", "several actions without a discriminator", "      find:\n", "      find:\n      list:\n",
            20, 7, 20, 11, "list", "endpoints.lookups has no discriminator, so it is a single operation, but it has 2 actions: find, list"
        },
        {
            "CFG033", "default_action without a discriminator", "    path: /lookups\n", "    path: /lookups\n    default_action: find\n",
            17, 5, 17, 19, "default_action", "'default_action' at endpoints.lookups needs 'discriminator'"
        },
        {
            "CFG051", "the endpoint's default outside its models", "    default_model: thing-1", "    default_model: thing-9",
            10, 20, 10, 27, "thing-9", "endpoints.things.default_model is 'thing-9', which is not one of the endpoint's models: thing-1, thing-2, thing-3"
        },
        {
            "CFG052", "a narrowed model the endpoint does not list", "models: [thing-2, thing-1]", "models: [thing-2, thing-4]",
            14, 27, 14, 34, "thing-4", "endpoints.things.actions.copy.models[1] is 'thing-4', which is not one of the endpoint's models: thing-1, thing-2, thing-3"
        },
        {
            // A mapping has no width: the diagnostic covers its first key.
            "CFG053", "a narrowing list declaring a model", "models: [thing-2, thing-1]", "models: [thing-2, { id: thing-1, name: First }]",
            14, 29, 14, 31, "id", "endpoints.things.actions.copy.models[1] is a mapping; an action narrows the endpoint's models by id alone, and their names and descriptions belong in endpoints.things.models"
        },
        {
            "CFG055", "a narrowing that leaves out the endpoint's default", "models: [thing-2, thing-1]", "models: [thing-2, thing-3]",
            14, 9, 14, 15, "models", "endpoints.things.actions.copy.models narrows the models to thing-2, thing-3, which leave out the endpoint's default_model 'thing-1'"
        },
        {
            "CFG008", "a narrowing action's default outside its list", "        models: [thing-2, thing-1]\n", "        models: [thing-2, thing-1]\n        default_model: thing-3\n",
            15, 24, 15, 31, "thing-3", "default_model 'thing-3' of action 'copy' is not one of its models: thing-2, thing-1"
        },
        {
            "CFG008", "an action's default outside the endpoint's models", "      create:\n", "      create:\n        default_model: thing-9\n",
            13, 24, 13, 31, "thing-9", "default_model 'thing-9' of action 'create' is not one of its models: thing-1, thing-2, thing-3"
        },
        {
            "CFG033", "endpoint models without a model field", "    model_field: model\n", "",
            8, 5, 8, 11, "models", "'models' at endpoints.things needs 'model_field'"
        },
        {
            "CFG033", "an endpoint default without models", "    response: Thing\n    actions:\n      find:", "    response: Thing\n    default_model: thing-1\n    actions:\n      find:",
            18, 5, 18, 18, "default_model", "'default_model' at endpoints.lookups needs 'models'"
        },
        {
            "CFG003", "empty endpoint models", "    models: [thing-1, thing-2, thing-3]\n    default_model: thing-1\n", "    models: []\n",
            9, 5, 9, 11, "models", "endpoints.things is missing the required key 'models (at least one)'"
        },
        {
            "CFG028", "a narrowed model listed twice", "models: [thing-2, thing-1]", "models: [thing-2, thing-1, thing-2]",
            14, 36, 14, 43, "thing-2", "endpoints.things.actions.copy.models lists 'thing-2' twice"
        },
        {
            "CFG029", "the endpoint's model type named like a response model", "models:\n  Thing:\n", "models:\n  ThingsModel:\n    fields: { id: { type: string } }\n  Thing:\n",
            4, 3, 4, 9, "things", "endpoints.things ('things') gives the C# type 'ThingsModel', as models.ThingsModel does"
        },
        {
            "CFG030", "an endpoint model named like a generated member", "models: [thing-1, thing-2, thing-3]", "models: [thing-1, thing-2, thing-3, default]",
            9, 41, 9, 48, "default", "endpoints.things.models[3] ('default') gives the C# name 'Default', which the generator already declares on ThingsModel"
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void EachMistakeIsReportedAtItsPlace(
        string id, string situation, string find, string replace, int line, int column, int endLine, int endColumn, string covered, string message)
    {
        var yaml = Edit(find, replace);
        if (id == "CFG003")
        {
            // Without the endpoint's models, the narrowing action would report its ids too.
            yaml = yaml.Replace("        models: [thing-2, thing-1]\n", "", StringComparison.Ordinal);
        }

        var diagnostic = DiagnosticAssert.Reports(yaml, id, line, column, endLine, endColumn, covered);

        Assert.True(message == diagnostic.GetMessage(CultureInfo.InvariantCulture), $"{situation}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public void Cfg054EndpointModelsInAVersion1Contract()
    {
        // Version 1 defaults the discriminator to action, so the two actions are fine; the endpoint's models are not.
        var yaml = Edit("contract: 2", "contract: 1").Replace("    default_model: thing-1\n", "", StringComparison.Ordinal);

        var diagnostic = DiagnosticAssert.Reports(yaml, "CFG054", 9, 5, 9, 11, "models");

        Assert.Equal("'models' at endpoints.things is a format 2 key, and this contract is 'contract: 1'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ANarrowingActionWithADefaultOfItsOwnNeedNotKeepTheEndpoints() =>
        Parse.Valid(Edit("        models: [thing-2, thing-1]", "        models: [thing-2, thing-3]\n        default_model: thing-3"));

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }
}
