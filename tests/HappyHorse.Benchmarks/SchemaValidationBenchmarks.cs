using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace HappyHorse.Benchmarks;

/// <summary>
/// The generated validators against two general JSON Schema validators checking the same payload against the schemas
/// exported from the same contract (spec/schemas/happyhorse). The schema validators get the payload already parsed
/// (NJsonSchema a JToken, JsonSchema.Net a JsonElement), so only validation is timed, as for the generated code.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SchemaValidationBenchmarks
{
    private static readonly string SchemaFolder = Path.Combine(RepoFiles.Root, "spec", "schemas", "happyhorse");

    private readonly GenerateRequest _generate = new("A white horse gallops along a beach at sunrise")
    {
        Model = GenerateModel.HappyHorse1_1,
        Ratio = Ratio.Landscape16x9,
        Duration = 5,
        Resolution = Resolution.P720,
        Seed = 42,
        Watermark = false,
        CallbackUrl = "https://example.com/callback/happyhorse?job=42",
    };

    private readonly ReferenceToVideoRequest _reference = new(Samples.Prompt, [.. Enumerable.Range(1, 9).Select(i => $"https://cdn.acedata.cloud/refs/{i:D2}/b1c82e4937.png?size=large")])
    {
        Ratio = Ratio.Landscape16x9,
        Duration = 5,
        Resolution = Resolution.P720,
        Seed = 42,
        CallbackUrl = "https://example.com/callback/happyhorse",
    };

    // Five violations: empty prompt, unknown ratio, duration and seed out of range, a callback that is not http(s).
    private readonly GenerateRequest _invalid = new("")
    {
        Ratio = new Ratio("7:3"),
        Duration = 99,
        Seed = -1,
        CallbackUrl = "ftp://example.com/hook",
    };

    private Checked _generateSchema = null!;
    private Checked _referenceSchema = null!;
    private Checked _invalidSchema = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generateSchema = Checked.Load(Path.Combine(SchemaFolder, "videos.generate.request.schema.json"), ContractJson.ToUtf8Bytes(_generate));
        _referenceSchema = Checked.Load(Path.Combine(SchemaFolder, "videos.reference_to_video.request.schema.json"), ContractJson.ToUtf8Bytes(_reference));
        _invalidSchema = Checked.Load(Path.Combine(SchemaFolder, "videos.generate.request.schema.json"), ContractJson.ToUtf8Bytes(_invalid));
        if (!_generate.Validate().IsValid || !_reference.Validate().IsValid || _invalid.Validate().Errors.Count != 5)
        {
            throw new InvalidOperationException("The samples no longer have the validity this benchmark assumes.");
        }

        // NJsonSchema counts a value's broken keywords separately (an empty prompt breaks minLength and pattern).
        foreach (var (check, valid) in new[] { (_generateSchema, true), (_referenceSchema, true), (_invalidSchema, false) })
        {
            if ((check.NJsonSchemaErrors() == 0) != valid || check.JsonSchemaNetValid() != valid)
            {
                throw new InvalidOperationException($"The schema validators disagree with the generated ones on {check.Path}.");
            }
        }
    }

    [BenchmarkCategory("Valid GenerateRequest"), Benchmark(Baseline = true, Description = "NJsonSchema")]
    public int GenerateNJsonSchema() => _generateSchema.NJsonSchemaErrors();

    [BenchmarkCategory("Valid GenerateRequest"), Benchmark(Description = "JsonSchema.Net")]
    public bool GenerateJsonSchemaNet() => _generateSchema.JsonSchemaNetValid();

    [BenchmarkCategory("Valid GenerateRequest"), Benchmark(Description = "Generated Validate()")]
    public bool GenerateGenerated() => _generate.Validate().IsValid;

    [BenchmarkCategory("Valid ReferenceToVideoRequest, 9 URLs"), Benchmark(Baseline = true, Description = "NJsonSchema")]
    public int ReferenceNJsonSchema() => _referenceSchema.NJsonSchemaErrors();

    [BenchmarkCategory("Valid ReferenceToVideoRequest, 9 URLs"), Benchmark(Description = "JsonSchema.Net")]
    public bool ReferenceJsonSchemaNet() => _referenceSchema.JsonSchemaNetValid();

    [BenchmarkCategory("Valid ReferenceToVideoRequest, 9 URLs"), Benchmark(Description = "Generated Validate()")]
    public bool ReferenceGenerated() => _reference.Validate().IsValid;

    [BenchmarkCategory("Invalid GenerateRequest, 5 violations"), Benchmark(Baseline = true, Description = "NJsonSchema")]
    public int InvalidNJsonSchema() => _invalidSchema.NJsonSchemaErrors();

    [BenchmarkCategory("Invalid GenerateRequest, 5 violations"), Benchmark(Description = "JsonSchema.Net")]
    public bool InvalidJsonSchemaNet() => _invalidSchema.JsonSchemaNetValid();

    [BenchmarkCategory("Invalid GenerateRequest, 5 violations"), Benchmark(Description = "Generated Validate()")]
    public int InvalidGenerated() => _invalid.Validate().Errors.Count;

    [BenchmarkCategory("Invalid GenerateRequest, 5 violations"), Benchmark(Description = "Generated Validate(), messages read")]
    public int InvalidGeneratedMessages()
    {
        var length = 0;
        foreach (var error in _invalid.Validate().Errors)
        {
            length += error.Message.Length;
        }

        return length;
    }

    /// <summary>One schema and one payload, loaded once for both schema validators.</summary>
    private sealed class Checked
    {
        private NJsonSchema.JsonSchema _nschema = null!;
        private Newtonsoft.Json.Linq.JToken _token = null!;
        private Json.Schema.JsonSchema _schema = null!;
        private System.Text.Json.JsonElement _element;
        private Json.Schema.EvaluationOptions _options = null!;

        public string Path { get; private init; } = "";

        public static Checked Load(string schemaPath, byte[] payload)
        {
            // A unique base URI per load: JsonSchema.Net refuses to register a second schema under the same one.
            var schemaText = File.ReadAllText(schemaPath);
            var text = System.Text.Encoding.UTF8.GetString(payload);
            return new Checked
            {
                Path = schemaPath,
                _nschema = NJsonSchema.JsonSchema.FromJsonAsync(schemaText).GetAwaiter().GetResult(),
                _token = Newtonsoft.Json.Linq.JToken.Parse(text),
                _schema = Json.Schema.JsonSchema.FromText(schemaText, new Json.Schema.BuildOptions(), new Uri($"https://benchmarks.test/{Guid.NewGuid():N}/{System.IO.Path.GetFileName(schemaPath)}")),
                _element = System.Text.Json.JsonDocument.Parse(payload).RootElement,
                _options = new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.Flag },
            };
        }

        public int NJsonSchemaErrors() => _nschema.Validate(_token).Count;

        public bool JsonSchemaNetValid() => _schema.Evaluate(_element, _options).IsValid;
    }
}
