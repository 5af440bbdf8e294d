using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using ContractFirst.Schema;
using HappyHorse.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HappyHorse.Emulator.Tests;

public class SchemaExportTests
{
    private static readonly ContractSchemaSet Schemas = ContractSchemaExporter.Export(Repo.PathOf("spec", "happyhorse.yaml"));

    /// <summary>
    /// spec/schemas/happyhorse/ must be exactly what the contract exports: same files, same bytes.
    /// Regenerate with <c>UPDATE_SCHEMAS=1 dotnet test tests/HappyHorse.Emulator.Tests</c>.
    /// </summary>
    [Fact]
    public void CommittedSchemasMatchTheContract()
    {
        var directory = Repo.PathOf("spec", "schemas", "happyhorse");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            Schemas.WriteTo(directory);
        }

        const string Fix = "Run UPDATE_SCHEMAS=1 dotnet test tests/HappyHorse.Emulator.Tests and commit spec/schemas/.";
        var expected = Schemas.Schemas.ToDictionary(s => s.FileName, s => s.ToJson(), StringComparer.Ordinal);
        var committed = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.schema.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.True(
            expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(committed),
            $"The schema files differ: expected [{string.Join(", ", expected.Keys.Order(StringComparer.Ordinal))}], committed [{string.Join(", ", committed)}]. {Fix}");
        foreach (var (file, json) in expected)
        {
            Assert.True(json == File.ReadAllText(Path.Combine(directory, file)), $"{file} has drifted from spec/happyhorse.yaml. {Fix}");
        }
    }

    [Fact]
    public void ExportsOneRequestSchemaPerActionAndOneSchemaPerModel()
    {
        Assert.Equal(
            [
                "ErrorDetail.schema.json", "TaskBatch.schema.json", "TaskRecord.schema.json", "TaskRequest.schema.json", "VideoResult.schema.json", "VideosResponse.schema.json",
                "tasks.retrieve.request.schema.json", "tasks.retrieve_batch.request.schema.json",
                "videos.generate.request.schema.json", "videos.image_to_video.request.schema.json",
                "videos.reference_to_video.request.schema.json", "videos.video_edit.request.schema.json",
            ],
            Schemas.Schemas.Select(s => s.FileName));
    }

    [Fact]
    public void ARequestSchemaHoldsOnlyItsActionsFieldsWithTheirRules()
    {
        var schema = Schemas.GetRequestSchema("videos", "image_to_video");

        Assert.False(schema.AllowAdditionalProperties);
        Assert.Equal(
            ["action", "model", "image_url", "prompt", "duration", "resolution", "watermark", "seed", "callback_url", "async"],
            schema.Properties.Keys);
        Assert.Equal(["action", "image_url"], schema.RequiredProperties);
        Assert.Equal(["image_to_video"], schema.Properties["action"].Enumeration);
        Assert.Equal(["happyhorse-1.1-i2v", "happyhorse-1.0-i2v"], schema.Properties["model"].Enumeration);
        Assert.Equal(JsonObjectType.Integer, schema.Properties["duration"].Type);
        Assert.Equal(3m, schema.Properties["duration"].Minimum);
        Assert.Equal(15m, schema.Properties["duration"].Maximum);
        Assert.Equal("uri", schema.Properties["image_url"].Format);
        Assert.StartsWith("^", schema.Properties["image_url"].Pattern, StringComparison.Ordinal);
        Assert.Equal(["720P", "1080P"], schema.Properties["resolution"].Enumeration);
    }

    [Fact]
    public void TheDefaultActionsSchemaDoesNotRequireTheDiscriminator()
    {
        Assert.DoesNotContain("action", Schemas.GetRequestSchema("videos", "generate").RequiredProperties);
        Assert.Contains("action", Schemas.GetRequestSchema("videos", "video_edit").RequiredProperties);
        var references = Schemas.GetRequestSchema("videos", "reference_to_video").Properties["image_urls"];
        Assert.Equal((1, 9), (references.MinItems, references.MaxItems));
    }

    [Theory]
    [InlineData("""{ "prompt": "a horse" }""", true)]
    [InlineData("""{ "prompt": "a horse", "ratio": "16:9", "duration": 15 }""", true)]
    [InlineData("""{ "prompt": "a horse", "duration": 16 }""", false)]
    [InlineData("""{ "prompt": "  " }""", false)]
    [InlineData("""{ "prompt": "a horse", "image_url": "https://x.example/a.png" }""", false)]
    [InlineData("""{ "prompt": "a horse", "model": "happyhorse-1.1-i2v" }""", false)]
    [InlineData("""{ "prompt": "a horse", "callback_url": "ftp://x.example/cb" }""", false)]
    public void TheGenerateSchemaValidatesBodies(string body, bool valid)
    {
        var errors = Schemas.GetRequestSchema("videos", "generate").Validate(JToken.Parse(body));

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void ModelSchemasAreTolerant()
    {
        var record = Schemas.GetModelSchema("TaskRecord");
        var json = """
            { "id": "t", "user_id": "extra fields are fine", "finished_at": null,
              "response": { "data": [ { "state": "a_state_added_later", "ratio": null } ] } }
            """;

        Assert.Empty(record.Validate(json));
        Assert.NotEmpty(record.Validate("""{ "id": "t", "created_at": "yesterday" }"""));
    }

    [Fact]
    public void AContractWithErrorsThrowsWithEveryDiagnosticAndItsPosition()
    {
        var yaml = File.ReadAllText(Repo.PathOf("spec", "happyhorse.yaml"))
            .Replace("    kind: submit\n", "    kind: submit\n    kindd: typo\n", StringComparison.Ordinal);

        var error = Assert.Throws<ContractException>(() => ContractParser.ParseValid("broken.yaml", yaml));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("CFG002", diagnostic.Id);
        Assert.Equal("broken.yaml", diagnostic.FilePath);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("kindd", StringComparison.Ordinal)) + 1;
        Assert.Equal((line, 5), (diagnostic.Line, diagnostic.Column));
        Assert.Contains($"broken.yaml({line},5): error CFG002:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContractFactsExposeActionsDefaultsBillingAndErrors()
    {
        var contract = Schemas.Contract;
        var videos = contract.GetEndpoint("videos");

        Assert.Equal("generate", videos.DefaultAction);
        Assert.Equal(["generate", "image_to_video", "reference_to_video", "video_edit"], videos.Actions.Select(a => a.Value));
        Assert.Equal("happyhorse-1.1-r2v", videos.FindAction("reference_to_video")!.DefaultModel);
        Assert.Equal("image_to_video", videos.FindActionOfModel("happyhorse-1.0-i2v")!.Value);
        var billing = Assert.IsType<BillingSpec>(contract.Billing);
        var (price, generate) = billing.FindPrice("videos", "generate")!.Value;
        Assert.Equal(0.105m, price.MatchRate(_ => "720P")!.Rate);
        Assert.Equal(0.18m, price.MatchRate(_ => "1080P")!.Rate);
        Assert.Equal([("resolution", "720P")], generate.Keys.Select(k => (k.Field, k.Fallback)));
        Assert.Equal("5", generate.Quantity!.Fallback);
        Assert.True(billing.FindPrice("videos", "video_edit")!.Value.Action.InputPlusOutput);
        Assert.Contains(contract.Errors.Cases, c => c.Status == 403 && c.Codes.Count == 0 && c.ExceptionName == "ContentRejected");
    }
}
