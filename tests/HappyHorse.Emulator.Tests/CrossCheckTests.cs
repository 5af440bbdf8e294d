using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tests.Support;

namespace HappyHorse.Emulator.Tests;

/// <summary>
/// The generated SDK validators and the emulator's schema validation are two implementations of the
/// same contract: over generated valid and invalid requests, each must reject exactly what the other does.
/// </summary>
public class CrossCheckTests
{
    /// <summary>
    /// URLs the two sides still judge differently, each with its diagnosis. The test fails if one of
    /// them stops disagreeing (remove it then) or if any other request disagrees.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDisagreements = new(StringComparer.Ordinal);

    /// <summary>
    /// Tasks never end during the test and every submit is async, so valid submits are answered at once
    /// and no callback is ever sent; remote callback URLs are allowed so that only validation decides.
    /// </summary>
    private static EmulatorOptions Options => new() { TaskDuration = TimeSpan.FromHours(1), AllowRemoteCallbacks = true };

    [Fact]
    public async Task TheEmulatorRejectsExactlyWhatTheGeneratedValidatorsReject()
    {
        var contract = ContractParser.Load(Repo.PathOf("spec", "happyhorse.yaml"));
        var cases = RequestCases.Generate(contract, seed: 20260124, randomCases: 400);

        await using var emulator = await HappyHorseEmulator.StartAsync(Options);
        await AssertBothRejectTheSameAsync(emulator, contract, cases);
        Assert.True(cases.Count >= 500, $"Only {cases.Count} cases.");
    }

    /// <summary>
    /// The same over a format 2 contract: a single-operation endpoint, models declared once and narrowed by an
    /// action, and a model with no default (clips.yaml), served by the emulator and sent by the SDK generated from it.
    /// </summary>
    [Fact]
    public async Task OnAFormat2ContractTheEmulatorRejectsExactlyWhatItsGeneratedValidatorsReject()
    {
        var contract = ContractParser.ParseValid("clips.yaml", Clips.ClipsTests.Yaml);
        var cases = RequestCases.Generate(contract, seed: 20260125, randomCases: 200, Clips.ClipsTests.ValidRequest);

        await using var emulator = await Clips.ClipsTests.StartEmulatorAsync(Options);
        await AssertBothRejectTheSameAsync(emulator, contract, cases);
    }

    private static async Task AssertBothRejectTheSameAsync(ContractEmulator emulator, ContractSpec contract, IReadOnlyList<RequestCase> cases)
    {
        var disagreements = new List<string>();
        var stillKnown = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new Dictionary<string, (int Accepted, int Rejected)>(StringComparer.Ordinal);
        foreach (var @case in cases)
        {
            var sdk = @case.ValidateWithSdk();
            var answer = await Clients.PostAsync(emulator, @case.Path, @case.Request);

            // An unknown task id is a 404 after validation passed: accepted, as far as validation goes.
            Assert.True(answer.Status is 200 or 400 || (answer.Status == 404 && @case.Endpoint == "tasks"), $"{@case}: HTTP {answer.Status} {answer.Text}");
            var emulatorRejects = answer.Status == 400;
            if (emulatorRejects)
            {
                Assert.Equal("bad_request", answer.ErrorCode);
            }

            var known = @case.Mutations.Select(m => m.Value).OfType<string>().Concat(
                @case.Mutations.Select(m => m.Value).OfType<IEnumerable<string?>>().SelectMany(l => l).OfType<string>())
                .FirstOrDefault(KnownDisagreements.ContainsKey);
            if (known is not null && sdk.IsValid && emulatorRejects)
            {
                stillKnown.Add(known);
            }
            else if (sdk.IsValid == emulatorRejects)
            {
                disagreements.Add(sdk.IsValid
                    ? $"{@case}: the SDK accepts it, the emulator says: {answer.ErrorMessage}"
                    : $"{@case}: the emulator accepts it, the SDK says: {string.Join("; ", sdk.Errors.Select(e => e.Message))}");
            }

            if (@case.Mutations.Count == 1)
            {
                var key = $"{@case.Endpoint}.{@case.Action}.{@case.Mutations[0].Field}";
                var (accepted, rejected) = outcomes.GetValueOrDefault(key);
                outcomes[key] = sdk.IsValid ? (accepted + 1, rejected) : (accepted, rejected + 1);
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {cases.Count} requests disagree:\n" + string.Join("\n", disagreements));
        Assert.True(
            stillKnown.SetEquals(KnownDisagreements.Keys),
            "Known disagreements that are gone (remove them from the list): " + string.Join(", ", KnownDisagreements.Keys.Except(stillKnown)));

        // The generator is only worth something if it reaches both sides of every field that has rules.
        // (A boolean has no rule to break. An optional plain string has one, well-formed UTF-16, but the SDK's JSON
        // writer cannot carry an unpaired surrogate; UrlCrossCheckTests sends those as raw JSON.)
        var ruleless = contract.Endpoints
            .SelectMany(e => e.Actions.SelectMany(a => a.Fields
                .Where(f => !f.Type.IsArray && (f.Type.Kind == FieldKind.Boolean || (f.Type.Kind == FieldKind.String && !f.Required)))
                .Select(f => $"{e.Key}.{a.Value}.{f.JsonName}")))
            .ToHashSet(StringComparer.Ordinal);
        var oneSided = outcomes.Where(o => !ruleless.Contains(o.Key) && (o.Value.Accepted == 0 || o.Value.Rejected == 0)).ToArray();
        Assert.True(oneSided.Length == 0, "Fields tried on one side only: " + string.Join(", ", oneSided.Select(o => $"{o.Key} {o.Value}")));
    }
}
