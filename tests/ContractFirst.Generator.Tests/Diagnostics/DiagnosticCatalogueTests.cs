using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContractFirst.Contract;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Generator.Tests.Infrastructure;
using RoslynDescriptors = ContractFirst.Generator.Diagnostics.DiagnosticDescriptors;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// One descriptor per situation: every diagnostic of the catalogue is reached by one edit of the
/// HappyHorse contract, and its message names the place by YAML path and quotes the value, as data.
/// Every descriptor links to its entry in generator/README.md.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    /// <summary>Diagnostics the generator reports outside the parser, each proven elsewhere.</summary>
    private static readonly string[] NotFromOneContract =
    [
        "CFG000", // a generator bug, reported instead of a crash: ContractFuzzTests asserts it never appears
        "CFG015", // needs two contracts: ContractConflictDiagnosticTests
        "CFG041", // backstop behind CFG015 for two contracts with one file name
        "CFG054", // needs two edits (the version and an endpoint's models): Format2DiagnosticTests.Cfg054EndpointModelsInAVersion1Contract
    ];

    /// <summary>The id, an edit of spec/happyhorse.yaml (text to find, text to put instead) and the exact message.</summary>
    public static TheoryData<string, string, string, string> Examples => new()
    {
        { "CFG001", "enums:\n", "enums: [\n", "Invalid YAML: " },
        { "CFG002", "    token_env:", "    token_ev:", "Unknown key 'token_ev' in api.auth; expected one of: scheme, token_env" },
        { "CFG003", "  base_url: https://api.acedata.cloud\n", "", "api is missing the required key 'base_url'" },
        { "CFG004", "    shared: [resolution, watermark, seed, callback_url, async]", "    shared: { a: 1 }", "endpoints.videos.shared must be a list" },
        { "CFG005", "    kind: submit", "    kind: sumbit", "endpoints.videos.kind is 'sumbit', which is not one of: submit, read" },
        { "CFG006", "        items: url\n", "        items: uri\n", "Unknown type 'uri' for endpoints.videos.fields.image_urls.items; expected " },
        { "CFG007", "    shared: [resolution,", "    shared: [resolutoin,", "endpoints.videos.shared[0] names 'resolutoin', which is not a field of endpoints.videos" },
        { "CFG008", "        default_model: happyhorse-1.1-t2v", "        default_model: happyhorse-1.1-i2v", "default_model 'happyhorse-1.1-i2v' of action 'generate' is not one of its models: happyhorse-1.1-t2v, happyhorse-1.0-t2v" },
        { "CFG009", "        min: 3\n        max: 15", "        min: 16\n        max: 15", "endpoints.videos.fields.duration: min (16) is greater than max (15)" },
        { "CFG010", "    kind: submit\n", "    kind: submit\n    kind: read\n", "endpoints.videos.kind is written twice; the first is at line " },
        { "CFG011", "      seed:\n        type: integer\n", "      seed:\n        type: integer\n        max_items: 3\n", "'max_items' does not apply to endpoints.videos.fields.seed, of type integer; it applies to: array" },
        { "CFG012", "contract: 2", "contract: 7", "Contract format version '7' is not supported; this generator reads versions 1 and 2" },
        { "CFG013", "    shared: [resolution, watermark, seed, callback_url, async]", "    shared: " + new string('[', 70) + new string(']', 70), "The YAML is nested more than 64 levels deep here; a contract needs far fewer" },
        { "CFG014", "      async:\n", "      2nd_image:\n", "endpoints.videos.fields.2nd_image ('2nd_image') gives the C# name '2ndImage', which starts with a digit" },
        { "CFG016", "  auth:\n    scheme: bearer\n    token_env: ACEDATACLOUD_API_TOKEN", "  auth: { scheme: bearer, token_env: ACEDATACLOUD, API_TOKEN }", "'API_TOKEN' became a key of api.auth because a comma ends an unquoted value inside { … }; quote the value of 'token_env' to keep the comma" },
        { "CFG017", "  interval_seconds: 5\n", "  interval_seconds: five\n", "polling.interval_seconds is 'five', which is not a number" },
        { "CFG018", "    timeout_seconds: 900", "    timeout_seconds: 9.5", "endpoints.videos.timeout_seconds is '9.5', which is not a whole number" },
        { "CFG019", "  interval_seconds: 5\n", "  interval_seconds: -5\n", "polling.interval_seconds is -5, outside the allowed range > 0" },
        { "CFG020", "    path: /happyhorse/videos", "    path: happyhorse/videos", "endpoints.videos.path is 'happyhorse/videos', which does not start with '/'" },
        { "CFG021", "  base_url: https://api.acedata.cloud", "  base_url: ftp://api.acedata.cloud", "api.base_url is 'ftp://api.acedata.cloud', which is not an absolute http or https URL" },
        { "CFG022", "  name: HappyHorse\n", "  name: happyHorse\n", "api.name is 'happyHorse', which is not a PascalCase C# identifier" },
        { "CFG023", "    token_env: ACEDATACLOUD_API_TOKEN", "    token_env: A" + LoneSurrogate + "B", "api.auth.token_env is 'A\\uD800B', which holds the unpaired surrogate U+D800, not a Unicode character" },
        { "CFG024", "    response: VideosResponse", "    response: VideoResponse", "endpoints.videos.response names 'VideoResponse', which is not a model defined under 'models'" },
        { "CFG025", "    default_action: generate", "    default_action: generat", "endpoints.videos.default_action names 'generat', which is not an action of endpoints.videos" },
        { "CFG026", "- endpoint: videos", "- endpoint: video", "billing.prices[0].endpoint names 'video', which is not an endpoint; the endpoints are: videos, tasks" },
        { "CFG027", "    - { field: \"response.data[].state\", all: [succeeded] }", "    - { field: \"response.data[].state\", all: [succeded] }", "polling.succeeded_when[0].all names 'succeded', which is not a value of enum 'VideoState'; its values are: " },
        { "CFG028", "    shared: [resolution, watermark,", "    shared: [resolution, resolution, watermark,", "endpoints.videos.shared lists 'resolution' twice" },
        { "CFG029", "        method: GetTasks", "        method: GetTask", "endpoints.tasks.actions.retrieve_batch.method ('GetTask') gives the C# type 'GetTaskRequest', as endpoints.tasks.actions.retrieve.method does" },
        { "CFG030", "        method: GetTask\n", "        method: WaitForTask\n", "endpoints.tasks.actions.retrieve.method ('WaitForTask') gives the C# name 'WaitForTaskAsync', which the generator already declares on the client" },
        { "CFG031", "  ErrorDetail:\n    description", "  Code:\n    description", "models.Code.fields.code ('code') gives the member 'Code' of the type of the same name, which C# does not allow" },
        { "CFG032", "  ErrorDetail:\n    description", "  RESOLUTION:\n    description", "models.RESOLUTION generates the type 'RESOLUTION' and enums.Resolution generates 'Resolution'; names that differ only in case give the same file name" },
        { "CFG033", "    model_field: model\n", "", "'models' at endpoints.videos.actions.generate needs 'model_field'" },
        { "CFG034", "    - { field: response.success, is: false }", "    - { field: response.success, is: false, present: true }", "polling.failed_when[0] must have exactly one of: is, any, all, present; it has: is, present" },
        { "CFG035", "    - { field: response.success, is: false }", "    - { field: response.success, any: [false] }", "'any' at polling.failed_when[0] needs exactly 1 array marked '[]' on its path; 'response.success' has 0" },
        { "CFG036", "    - { field: \"response.data[].state\", any: [error] }", "    - { field: \"response.data.state\", any: [error] }", "polling.failed_when[2].field is 'response.data.state', whose step 'data' must be written 'data[]'" },
        { "CFG037", "  action: tasks.retrieve\n", "  action: tasks.retrieve_batch\n", "polling.action names 'tasks.retrieve_batch', whose required fields are: ids: array of string; a task lookup needs exactly one, a string holding the task id" },
        { "CFG038", "  task_id: task_id\n", "  task_id: trace\n", "polling.task_id names 'trace', which is not a string field of any submit response: VideosResponse" },
        { "CFG039", "        fields:\n          prompt: required\n          ratio: optional", "        fields:\n          prompt: required\n          seed: optional\n          ratio: optional", "endpoints.videos.actions.generate.fields lists 'seed', which the endpoint already shares with every action" },
        { "CFG040", "    - { field: response.success, is: false }", "    - { field: response.success.value, is: false }", "polling.failed_when[0].field is 'response.success.value', which continues past 'success', of type boolean; only models have fields" },
        { "CFG042", "        min: 3\n        max: 15\n", "        min: 3\n        max: 15\n        default: 20\n", "endpoints.videos.fields.duration.default is '20', which breaks the field's max: 15" },
        { "CFG043", "      prompt:\n        type: string\n", "      prompt:\n        type: string\n        default: a horse\n", "endpoints.videos.fields.prompt.default is 'a horse', but endpoints.videos.actions.generate.fields.prompt makes the field required, so the default never applies" },
        { "CFG044", "      prompt:\n        type: string\n", "      prompt:\n        type: string\n        pattern: \"[a-\"\n", "endpoints.videos.fields.prompt.pattern is '[a-', which .NET cannot compile as a regular expression: " },
        { "CFG045", "      prompt:\n        type: string\n", "      prompt:\n        type: string\n        pattern: '(?i)^a'\n", "endpoints.videos.fields.prompt.pattern is '(?i)^a', whose '(?i' is .NET-only syntax that ECMAScript (JSON Schema) rejects or reads differently" },
        { "CFG046", "        min: 3\n        max: 15\n", "        min: 3\n        max: 15\n        values: [5, 20]\n", "endpoints.videos.fields.duration.values lists 20, outside the field's max: 15" },
        { "CFG060", "          prompt: required\n          ratio: optional\n          duration: optional\n      image_to_video:", "          prompt: required\n          ratio: optional\n          duration: optional\n        rules:\n          - { exactly_one_of: [ratio, duration], field: ratio, requires: [duration] }\n      image_to_video:", "endpoints.videos.actions.generate.rules[0] must have exactly one of: exactly_one_of, at_least_one_of, field, when; it has: exactly_one_of, field" },
        { "CFG061", "          prompt: required\n          ratio: optional\n          duration: optional\n      image_to_video:", "          prompt: required\n          ratio: optional\n          duration: optional\n        rules:\n          - { at_least_one_of: [ratio] }\n      image_to_video:", "endpoints.videos.actions.generate.rules[0].at_least_one_of lists ratio; a rule between fields needs at least two" },
        { "CFG062", "          prompt: required\n          ratio: optional\n          duration: optional\n      image_to_video:", "          prompt: required\n          ratio: optional\n          duration: optional\n        rules:\n          - { exactly_one_of: [prompt, ratio] }\n      image_to_video:", "endpoints.videos.actions.generate.rules[0].exactly_one_of names 'prompt', which the action requires, so the rule always holds or can never hold" },
        { "CFG063", "    shared: [resolution, watermark, seed, callback_url, async]\n", "    shared: [resolution, watermark, seed, callback_url, async]\n    rules:\n      - { field: ratio, forbids: [video_url] }\n", "endpoints.videos.rules[0] names ratio, video_url, which no action of the endpoint has all of" },
        { "CFG050", "    timeout_seconds: 100\n    discriminator: action\n", "    timeout_seconds: 100\n", "endpoints.tasks has no discriminator, so it is a single operation, but it has 2 actions: retrieve, retrieve_batch" },
        { "CFG051", "    actions:\n      retrieve:\n        description: Looks one task up.\n        method: GetTask\n", "    model_field: engine\n    models: [lookup-1]\n    default_model: lookup-2\n    actions:\n      retrieve:\n        description: Looks one task up.\n        method: GetTask\n", "endpoints.tasks.default_model is 'lookup-2', which is not one of the endpoint's models: lookup-1" },
        { "CFG052", "    actions:\n      retrieve:\n        description: Looks one task up.\n        method: GetTask\n", "    model_field: engine\n    models: [lookup-1]\n    actions:\n      retrieve:\n        description: Looks one task up.\n        method: GetTask\n        models: [lookup-2]\n", "endpoints.tasks.actions.retrieve.models[0] is 'lookup-2', which is not one of the endpoint's models: lookup-1" },
        { "CFG053", "    model_field: model\n", "    model_field: model\n    models: [happyhorse-1.1-t2v]\n", "endpoints.videos.actions.generate.models[0] is a mapping; an action narrows the endpoint's models by id alone, and their names and descriptions belong in endpoints.videos.models" },
        { "CFG055", "    actions:\n      retrieve:\n        description: Looks one task up.\n        method: GetTask\n", "    model_field: engine\n    models: [lookup-1, lookup-2]\n    default_model: lookup-1\n    actions:\n      retrieve:\n        description: Looks one task up.\n        method: GetTask\n        models: [lookup-2]\n", "endpoints.tasks.actions.retrieve.models narrows the models to lookup-2, which leave out the endpoint's default_model 'lookup-1'" },
        { "CFG070", "      quantity: duration", "      quantity: prompt", "billing.prices[0].quantity names 'prompt', of type string; a price per second counts from a field of type: integer, number" },
        { "CFG071", "  prices:\n", "  rate_field: resolution\n  prices:\n", "billing lists prices and also has 'rate_field', a key of the version 1 single price; each price of the list takes: endpoint, actions, description, unit, quantity, input_plus_output, assume, rate, rates" },
        { "CFG072", "      unit: second\n", "      unit: request\n", "'quantity' at billing.prices[0] does not apply to a price per request; it applies to: second, item" },
        { "CFG073", "        - { resolution: 720P, rate: 0.105 }", "        - { seed: 720P, rate: 0.105 }", "billing.prices[0].rates[0].seed keys a rate by 'seed', of type integer; rates are chosen by the model field or by fields of an enum type" },
        { "CFG074", "        - { resolution: 1080P, rate: 0.18 }\n", "        - { resolution: 1080P, rate: 0.18 }\n        - { model: happyhorse-9, rate: 0.2 }\n", "billing.prices[0].rates[2].model is 'happyhorse-9', which is not a model of the actions priced (generate, image_to_video, reference_to_video, video_edit); their models are: happyhorse-1.1-t2v, happyhorse-1.0-t2v, happyhorse-1.1-i2v, happyhorse-1.0-i2v, happyhorse-1.1-r2v, happyhorse-1.0-r2v, happyhorse-1.0-video-edit" },
        { "CFG075", "        - { resolution: 1080P, rate: 0.18 }\n", "        - { resolution: 1080P, rate: 0.18 }\n    - { endpoint: videos, actions: [generate], unit: request, rate: 1 }\n", "billing.prices[1].actions[0] prices action 'generate' of endpoint 'videos', which billing.prices[0] prices already" },
        { "CFG076", "        - { resolution: 1080P, rate: 0.18 }\n", "        - { resolution: 1080P, rate: 0.18 }\n        - { resolution: 720P, model: happyhorse-1.1-t2v, rate: 0.1 }\n", "billing.prices[0].rates[2] (resolution 720P, model happyhorse-1.1-t2v) is never chosen: every request it matches is matched first by billing.prices[0].rates[0]" },
        { "CFG077", "        - { resolution: 1080P, rate: 0.18 }\n", "        - { model: happyhorse-1.1-i2v, ratio: \"16:9\", rate: 1 }\n        - { resolution: 1080P, rate: 0.18 }\n", "billing.prices[0].rates[1] (model happyhorse-1.1-i2v, ratio 16:9) matches no request of the actions priced: generate, image_to_video, reference_to_video, video_edit" },
        { "CFG078", "        resolution: 720P\n        duration: 5\n", "        duration: 5\n", "billing.prices[0].rates has no rate for generate requests with resolution not set" },
        { "CFG079", "        type: Resolution\n", "        type: Resolution\n        default: 1080P\n", "billing.prices[0].assume.resolution is '720P', but endpoints.videos.fields.resolution.default is '1080P', the value the service applies when a request leaves the field out" },
        { "CFG080", "ErrorDetail", "Version", "models.Version ('Version') generates the type 'Version', the name of System.Version" },
    };

    /// <summary>Stands for U+D800 in the examples (YamlDotNet refuses the escape); theory data must stay serializable.</summary>
    private const string LoneSurrogate = "<U+D800>";

    private static string Edit(string find, string replace)
    {
        var yaml = File.ReadAllText(RepoPaths.HappyHorseSpec).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        return yaml.Replace(find, replace.Replace(LoneSurrogate, "\uD800", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EachSituationHasItsOwnDiagnosticWithThePathAndTheValueAsData(string id, string find, string replace, string message)
    {
        var result = ContractParser.Parse(RepoPaths.HappyHorseSpec, Edit(find, replace));

        var reported = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(reported.Count > 0, $"{id} not reported; got: {string.Join(" | ", result.Diagnostics)}");
        Assert.Contains(reported, d => d.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.All(reported, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void EveryParserDiagnosticHasAnExample()
    {
        var covered = Examples.Select(row => (string)row[0]).Concat(NotFromOneContract).Order(StringComparer.Ordinal);
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public void EveryDiagnosticLinksToItsEntryInTheGeneratorReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "generator", "README.md"));
        var repositoryUrl = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
            .Descendants("RepositoryUrl").Single().Value;
        Assert.Equal(ContractDiagnosticDescriptor.HelpPage, repositoryUrl + "/blob/main/generator/README.md");

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var anchor = descriptor.Id.ToLowerInvariant();
            Assert.Equal(ContractDiagnosticDescriptor.HelpPage + "#" + anchor, descriptor.HelpLink);
            Assert.Equal(descriptor.HelpLink, RoslynDescriptors.ById(descriptor.Id).HelpLinkUri);

            // The README's row for the id, with its title, is where the link lands.
            var row = Regex.Match(readme, $@"^\| <a id=""{anchor}""></a>{descriptor.Id} \| ([^|]+) \|", RegexOptions.Multiline);
            Assert.True(row.Success, $"generator/README.md has no row for {descriptor.Id}");
            Assert.Equal(descriptor.Title, row.Groups[1].Value.Trim());
        }
    }

    [Fact]
    public void MessageArgumentsAreDataNotSentences()
    {
        // The catch-alls of old glued prose into their last argument; now arguments are paths, names,
        // values and lists, and the sentence is the descriptor's. No argument of an example ends a sentence.
        foreach (var row in Examples)
        {
            foreach (var diagnostic in ContractParser.Parse(RepoPaths.HappyHorseSpec, Edit((string)row[1], (string)row[2])).Diagnostics.Where(d => d.Id != "CFG001" && d.Id != "CFG014"))
            {
                Assert.All(diagnostic.Args, arg => Assert.False(
                    arg.Contains("; ", StringComparison.Ordinal) || arg.EndsWith('.'),
                    string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Id} argument '{arg}' reads as a sentence")));
            }
        }
    }
}
