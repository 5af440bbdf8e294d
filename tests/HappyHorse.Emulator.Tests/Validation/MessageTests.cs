using System.Text;
using HappyHorse.Emulator.Tests.Support;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Tests.Validation;

/// <summary>
/// What a refused request is told, on the sibling contracts: each problem names the field by its path inside request
/// objects and lists (<c>video_list[0].video_url</c>), the rule and the value; the action is dispatched or its absence
/// explained; a model of another action is named as such; a broken rule is stated as the exported schema states it,
/// with the limit it broke and where.
/// </summary>
public sealed class MessageTests
{
    [Theory]
    [InlineData(
        "kling.yaml",
        """{ "action": "text2video", "model": "kling-video-o1", "prompt": "x", "video_list": [{ "video_url": "ftp://x.example/v.mp4", "refer_type": "edit" }] }""",
        """video_list[0].video_url must be an absolute http or https URL (was "ftp://x.example/v.mp4"); video_list[0].refer_type must be one of feature, base (was "edit")""")]
    [InlineData(
        "kling.yaml",
        """{ "prompt": "x", "camera_control": { "type": "orbit", "config": { "zoom": 2, "spin": 1 } } }""",
        """camera_control.type must be one of simple, down_back, forward_up, left_turn_forward, right_turn_forward (was "orbit"); camera_control.config.zoom must be between -1 and 1 (was 2); camera_control.config.spin is not a field of CameraConfig""")]
    [InlineData(
        "kling.yaml",
        """{ "model": "kling-video-o1", "prompt": "x", "element_list": [{ "element_id": " " }, null, { "element_id": "\udc00" }, {}] }""",
        """element_list[0].element_id must not be blank (was " "); element_list[1] must be an object (was null); element_list[2].element_id must be well-formed UTF-16: unpaired surrogate U+DC00 at index 0; element_list[3].element_id is required""")]
    [InlineData(
        "kling.yaml",
        """{ "model": "kling-video-o1", "prompt": "x", "element_list": [], "video_list": [{ "video_url": "https://x.example/1.mp4" }, { "video_url": "https://x.example/2.mp4" }] }""",
        """element_list must have at least 1 item (had 0); video_list must have at most 1 item (had 2)""")]
    [InlineData(
        "kling.yaml",
        """{ "action": "extend", "video_id": "v-1", "model": "kling-v2-master" }""",
        """model kling-v2-master belongs to action text2video, not extend; extend takes kling-v1, kling-v1-6""")]
    [InlineData(
        "kling.yaml",
        """{ "action": "extend", "video_id": "v-1", "model": "kling-v9" }""",
        """model must be one of kling-v1, kling-v1-6 (was "kling-v9")""")]
    [InlineData(
        "kling.yaml",
        """{ "prompt": "x", "duration": 7, "cfg_scale": "high" }""",
        """duration must be one of 5, 10 (was 7); cfg_scale must be a number (was "high")""")]
    [InlineData(
        "seedream.yaml",
        """{ "prompt": "x", "size": "8K", "image": ["", "https://cdn.example.com/a.png", 3], "watermark": "yes" }""",
        """image[0] must not be blank (was ""); image[2] must be a string (was 3); size must match ^([1-4]K|adaptive|[1-9][0-9]*x[1-9][0-9]*)$(?!\n) (was "8K"); watermark must be true or false (was "yes")""")]
    public void EachProblemNamesTheFieldByItsPathTheRuleAndTheValue(string file, string body, string problems)
    {
        var contract = Contracts.Load(file);
        var endpoint = contract.Endpoints[0];
        var outcome = new RequestValidator(contract, endpoint).Validate(Encoding.UTF8.GetBytes(body), strict: true);

        Assert.Null(outcome.Request);
        Assert.EndsWith($" request: {problems}.", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "action": "dance", "video_id": "v-1" }""", """action must be one of extend, generate, song (was "dance").""")]
    [InlineData("""{ "action": 3 }""", "action must be one of extend, generate, song (was 3).")]
    [InlineData("""{ "action": "\ud800" }""", """action must be one of extend, generate, song (was "\ud800").""")]
    [InlineData("""{ "video_id": "v-1" }""", "action is required; one of extend, generate, song.")]
    public void TheDiscriminatorPicksTheActionOrTheMessageSaysWhichItTakes(string body, string error)
    {
        var contract = Contracts.Load("rules.yaml");

        var outcome = new RequestValidator(contract, contract.Endpoints.Single()).Validate(Encoding.UTF8.GetBytes(body), strict: false);

        Assert.Equal(error, outcome.Error);
    }

    [Theory]
    [InlineData(
        """{ "action": "generate", "prompt": "p", "model": "v1", "duration": 10, "mode": "pro" }""",
        """the request breaks the rule: When model is v1: duration limited; mode limited — duration must be one of 5 (was 10), mode must be one of std (was "pro")""")]
    [InlineData(
        // No model: the action's default, v2, is the one the service uses, and its limit applies.
        """{ "action": "generate", "prompt": "p", "duration": 12 }""",
        """the request breaks the rule: When model is v2 or v3: duration limited — duration must be between 3 and 10 (was 12)""")]
    [InlineData(
        """{ "action": "generate", "prompt": "p", "mode": "ultra", "image_url": "https://x.example/a.png", "end_image_url": "https://x.example/b.png" }""",
        """the request breaks the rule: When mode is ultra: end_image_url not allowed; prompt limited""")]
    [InlineData(
        """{ "action": "song", "sections": [{ "start": 0 }, { "start": 0, "end": 5, "length": 5 }] }""",
        """the request breaks the rule: A section ends at a time or lasts a length, not both (at sections[1])""")]
    [InlineData(
        """{ "action": "extend" }""",
        """the request breaks the rule: Exactly one of video_id, video_url""")]
    public void ABrokenRuleIsStatedAsTheSchemaStatesItWithWhatItLimits(string body, string problem)
    {
        var contract = Contracts.Load("rules.yaml");

        var outcome = new RequestValidator(contract, contract.Endpoints.Single()).Validate(Encoding.UTF8.GetBytes(body), strict: true);

        Assert.Null(outcome.Request);
        Assert.EndsWith($" request: {problem}.", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AConditionOnAFieldLeftOutTestsItsContractDefault()
    {
        // custom defaults to false, and "when custom is false" forbids weirdness.
        var contract = Contracts.Load("suno.yaml");
        var validator = new RequestValidator(contract, contract.Endpoints.Single(e => e.Key == "audios"));

        var leftOut = validator.Validate("""{ "action": "generate", "prompt": "a song", "weirdness": 0.5 }"""u8, strict: true);
        var custom = validator.Validate("""{ "action": "generate", "custom": true, "weirdness": 0.5 }"""u8, strict: true);

        Assert.Contains("the request breaks the rule: When custom is false", leftOut.Error, StringComparison.Ordinal);
        Assert.True(custom.Request is not null, custom.Error);
    }

    [Fact]
    public void EveryRuleIsNamedByTheTextTheExportedSchemaGivesIt()
    {
        var contract = Contracts.Load("rules.yaml");
        var schemas = ContractFirst.Schema.ContractSchemaExporter.Export(contract);
        var generate = contract.Endpoints.Single().Actions.Single(a => a.Value == "generate");

        var described = schemas.GetRequestSchema("jobs", "generate").AllOf.Select(s => s.Description).ToList();

        Assert.Equal(generate.Rules.Select(r => r.Text), described);
        Assert.Equal("When model is v1: duration limited; mode limited.", generate.Rules[1].Text);
        Assert.Equal("An end frame needs a start frame.", generate.Rules[^1].Text);
    }
}
