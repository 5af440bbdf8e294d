using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// Everything emitted for a contract, compared with Snapshots/&lt;Test&gt;/ and compiled without
/// warnings. See <see cref="SnapshotVerifier"/> for updating the snapshots.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public Task HappyHorse() =>
        // As src/HappyHorse/HappyHorse.csproj declares it.
        SnapshotVerifier.VerifyAsync(nameof(HappyHorse),
            [TestContract.HappyHorse() with { Namespace = "HappyHorse", ClientName = "HappyHorseClient" }],
            rootNamespace: "HappyHorse");

    [Fact]
    public Task Minimal() =>
        // The namespace comes from the project's RootNamespace when the item sets none.
        SnapshotVerifier.VerifyAsync(nameof(Minimal), [TestContract.FromContractsFolder("minimal.yaml")], rootNamespace: "Acme.Echo");

    [Fact]
    public Task Constraints() =>
        SnapshotVerifier.VerifyAsync(nameof(Constraints), [TestContract.FromContractsFolder("constraints.yaml")]);

    [Fact]
    public Task Kling() =>
        // Request objects: nested (camera_control.config), in a list (element_list), reused by two actions.
        SnapshotVerifier.VerifyAsync(nameof(Kling), [TestContract.FromContractsFolder("kling.yaml")]);

    [Fact]
    public Task Seedream() =>
        // A single-operation endpoint with models and no default, a pattern, defaults of every scalar kind, objects alone and in a list.
        SnapshotVerifier.VerifyAsync(nameof(Seedream), [TestContract.FromContractsFolder("seedream.yaml")]);

    [Fact]
    public Task Suno() =>
        // Sixteen actions sharing endpoint-level models and a default, lengths, ranges, defaults of start times, polling on song states.
        SnapshotVerifier.VerifyAsync(nameof(Suno), [TestContract.FromContractsFolder("suno.yaml")]);

    [Fact]
    public Task FieldConstraints() =>
        // Format 2 field rules: default, min_length/max_length, pattern and values, with action overrides.
        SnapshotVerifier.VerifyAsync(nameof(FieldConstraints), [TestContract.FromContractsFolder("field-constraints.yaml")]);

    [Fact]
    public Task Rules() =>
        // Every shape of rule between fields: at the action, at the endpoint and inside a request object.
        SnapshotVerifier.VerifyAsync(nameof(Rules), [TestContract.FromContractsFolder("rules.yaml")]);

    [Fact]
    public Task Pixelift() =>
        // No namespace, client name or RootNamespace: everything is named after api.name.
        SnapshotVerifier.VerifyAsync(nameof(Pixelift), [TestContract.FromContractsFolder("pixelift.yaml")]);

    [Fact]
    public Task Clips() =>
        // Format 2: a single-operation endpoint, models declared once per endpoint and narrowed, a model with no default.
        SnapshotVerifier.VerifyAsync(nameof(Clips), [TestContract.FromContractsFolder("clips.yaml")]);

    [Fact]
    public Task Pricing() =>
        // Format 2 billing: prices per second, item and request, rates chosen by the model and enum values with a fallback.
        SnapshotVerifier.VerifyAsync(nameof(Pricing), [TestContract.FromContractsFolder("pricing.yaml")]);

    [Fact]
    public void PixeliftIsTheReadmeExample()
    {
        var readme = File.ReadAllText(RepoPaths.SpecReadme).Replace("\r\n", "\n");
        var section = readme[readme.IndexOf("## A complete minimal contract", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(example, TestContract.FromContractsFolder("pixelift.yaml").Text);
    }
}
