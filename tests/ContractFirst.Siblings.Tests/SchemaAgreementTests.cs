using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ContractFirst.Contract;
using ContractFirst.Schema;

namespace ContractFirst.Siblings.Tests;

/// <summary>
/// The generated validators and the exported JSON Schemas are two readings of one contract: on
/// random requests they must agree on every verdict. A request the validator passes must be a body
/// the schema accepts, and one it refuses a body the schema refuses too. The schemas are checked by
/// two independent implementations, NJsonSchema (the emulator's) and JsonSchema.Net (draft 7 complete),
/// so neither's gaps hide a disagreement.
/// </summary>
public sealed class SchemaAgreementTests
{
    /// <summary>Requests per contract; <c>SIBLING_CROSS_CHECK</c> sets more (or fewer).</summary>
    private static readonly int Count =
        int.TryParse(Environment.GetEnvironmentVariable("SIBLING_CROSS_CHECK"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 10_000;

    public static TheoryData<string, string> Contracts => new()
    {
        { "kling.yaml", "Siblings.Kling" },
        { "rules.yaml", "Siblings.Ruled" },
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
        for (var i = 0; i < Count; i++)
        {
            var (endpoint, action) = actions[i % actions.Length];
            var request = random.Create(endpoint, action);
            var verdict = (ValidationResult)request.GetType().GetMethod("Validate")!.Invoke(request, null)!;
            var json = Write(request);
            var schemaErrors = schemas.GetRequestSchema(endpoint.Key, action.Value).Validate(json);
            using var document = JsonDocument.Parse(json);
            var independentValid = independent[endpoint.Key + "." + action.Value].Evaluate(document.RootElement).IsValid;
            valid += verdict.IsValid ? 1 : 0;
            if ((verdict.IsValid != (schemaErrors.Count == 0) || verdict.IsValid != independentValid) && disagreements.Count < 5)
            {
                disagreements.Add(
                    $"#{i} {endpoint.Key}.{action.Value}: validator {(verdict.IsValid ? "valid" : string.Join("; ", verdict.Errors))} / "
                    + $"NJsonSchema {(schemaErrors.Count == 0 ? "valid" : string.Join("; ", schemaErrors.Select(e => e.Path + " " + e.Kind)))} / "
                    + $"JsonSchema.Net {(independentValid ? "valid" : "invalid")}\n  {json}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));

        // Both verdicts must be common, or the agreement would prove little.
        Assert.InRange(valid, Count / 20, Count - (Count / 20));
    }

    private static string Write(object request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.GetType().GetMethod("WriteJson", [typeof(Utf8JsonWriter)])!.Invoke(request, [writer]);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string RepoRoot()
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
