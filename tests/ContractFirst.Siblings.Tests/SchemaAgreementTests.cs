using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ContractFirst.Contract;
using ContractFirst.Schema;
using Xunit.Abstractions;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The generated validators and the exported JSON Schemas are two readings of one contract: on
/// random requests they must agree on every verdict. A request the validator passes must be a body
/// the schema accepts, and one it refuses a body the schema refuses too. The schemas are checked by
/// two independent implementations, NJsonSchema (the emulator's) and JsonSchema.Net (draft 7 complete),
/// so neither's gaps hide a disagreement.
/// </summary>
public sealed class SchemaAgreementTests(ITestOutputHelper output)
{
    /// <summary>Requests per contract; <c>SIBLING_CROSS_CHECK</c> sets more (or fewer).</summary>
    private static readonly int Count =
        int.TryParse(Environment.GetEnvironmentVariable("SIBLING_CROSS_CHECK"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 10_000;

    public static TheoryData<string, string> Contracts => new()
    {
        { "kling.yaml", "Siblings.Kling" },
        { "rules.yaml", "Siblings.Ruled" },
        { "seedream.yaml", "Siblings.Seedream" },
        { "suno.yaml", "Siblings.Suno" },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void TheValidatorAndTheSchemaAgreeOnRandomRequests(string file, string ns)
    {
        var path = Path.Combine(RepoRoot(), "tests", "ContractFirst.Generator.Tests", "Contracts", file);
        var contract = ContractParser.Load(path) with { Namespace = ns };
        var schemas = ContractSchemaExporter.Export(contract);
        var independent = schemas.Schemas.ToDictionary(
            s => s.Name,
            s => Json.Schema.JsonSchema.FromText(s.ToJson(), new Json.Schema.BuildOptions(), new Uri("https://siblings.test/" + file + "/" + s.FileName)));
        var random = new RandomRequests(contract, typeof(SchemaAgreementTests).Assembly, seed: 20261126);
        var actions = contract.Endpoints.SelectMany(e => e.Actions.Select(a => (Endpoint: e, Action: a))).ToArray();

        var disagreements = new List<string>();
        var valid = 0;
        var graphemeSkipped = 0;
        for (var i = 0; i < Count; i++)
        {
            var (endpoint, action) = actions[i % actions.Length];
            var request = random.Create(endpoint, action);
            var verdict = (ValidationResult)request.GetType().GetMethod("Validate")!.Invoke(request, null)!;
            var json = Write(request);
            var schemaErrors = schemas.GetRequestSchema(endpoint.Key, action.Value).Validate(json);
            using var document = JsonDocument.Parse(json);
            // JsonSchema.Net counts minLength/maxLength in text elements (a letter and its combining marks count once)
            // where JSON Schema counts code points, as the validator does: requests whose strings differ in the two
            // counts are left to NJsonSchema.
            var countable = GraphemesAreCodePoints(document.RootElement);
            var independentValid = countable
                ? independent[endpoint.Key + "." + action.Value].Evaluate(document.RootElement).IsValid
                : verdict.IsValid;
            graphemeSkipped += countable ? 0 : 1;
            var schemaValid = NJsonSchemaAccepts(schemaErrors);
            valid += verdict.IsValid ? 1 : 0;
            if ((verdict.IsValid != schemaValid || verdict.IsValid != independentValid) && disagreements.Count < 5)
            {
                disagreements.Add(
                    $"#{i} {endpoint.Key}.{action.Value}: validator {(verdict.IsValid ? "valid" : string.Join("; ", verdict.Errors))} / "
                    + $"NJsonSchema {(schemaValid ? "valid" : string.Join("; ", schemaErrors.Select(e => e.Path + " " + e.Kind)))} / "
                    + $"JsonSchema.Net {(independentValid ? "valid" : "invalid")}\n  {json}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));

        output.WriteLine($"{file}: {Count} requests, {valid} valid, 0 disagreements; {graphemeSkipped} left to NJsonSchema alone");
        foreach (var (rule, (kept, broken)) in random.Coverage.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {rule}: kept {kept}, broken {broken}");
        }

        // Most requests went through both schema validators.
        Assert.InRange(graphemeSkipped, 0, Count / 10);

        // Both verdicts must be common, or the agreement would prove little.
        Assert.InRange(valid, Count / 20, Count - (Count / 20));

        // And every rule of the new kinds (lengths, patterns, values, models and their narrowing) was both kept and
        // broken, in each request type; with fewer requests than the default some rules may be tried one way only.
        var untried = random.Coverage.Where(c => c.Value.Kept == 0 || c.Value.Broken == 0).Select(c => $"{c.Key} {c.Value}").ToList();
        Assert.True(untried.Count == 0 || Count < 10_000, "Rules tried one way only: " + string.Join(", ", untried));
    }

    /// <summary>
    /// NJsonSchema's verdict, with string lengths counted in code points as JSON Schema defines them and as the
    /// emulator counts them (NJsonSchema counts UTF-16 units, so an emoji would count twice): a length error stands
    /// only when the code points break the bound too. A string too short in code points but not in units (one emoji
    /// under a minimum of two) is missed here; JsonSchema.Net, which counts the emoji once, still sees it.
    /// </summary>
    private static bool NJsonSchemaAccepts(ICollection<NJsonSchema.Validation.ValidationError> errors) =>
        Flatten(errors).All(e =>
            e.Kind is NJsonSchema.Validation.ValidationErrorKind.StringTooLong or NJsonSchema.Validation.ValidationErrorKind.StringTooShort
            && e.Token is Newtonsoft.Json.Linq.JValue { Value: string text }
            && text.EnumerateRunes().Count() is var length
            && !(length < e.Schema?.MinLength) && !(length > e.Schema?.MaxLength));

    /// <summary>Whether every string in the JSON has as many text elements as code points.</summary>
    private static bool GraphemesAreCodePoints(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() is { } text && new StringInfo(text).LengthInTextElements == text.EnumerateRunes().Count(),
        JsonValueKind.Object => element.EnumerateObject().All(p => GraphemesAreCodePoints(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(GraphemesAreCodePoints),
        _ => true,
    };

    /// <summary>
    /// The errors to judge: those of a group (allOf, a property's schema) stand for it, but a failed oneOf,
    /// anyOf or not is an error of its own, whatever its branches said (a oneOf that two branches matched has none).
    /// </summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child && e.Kind is not (
                NJsonSchema.Validation.ValidationErrorKind.NotOneOf or NJsonSchema.Validation.ValidationErrorKind.NotAnyOf
                or NJsonSchema.Validation.ValidationErrorKind.ExcludedSchemaValidates)
            ? Flatten(child.Errors.Values.SelectMany(v => v))
            : [e]);

    private static string Write(object request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.GetType().GetMethod("WriteJson", [typeof(Utf8JsonWriter)])!.Invoke(request, [writer]);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HappyHorse.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }
}
