using HappyHorse.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Siblings.Kling;
using Siblings.Seedream;
using Siblings.Suno;

namespace ContractFirst.Siblings.Tests;

/// <summary>A sibling team's contract gets its own one-line registration, generated because the project references the DI library.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task SunosClientIsRegisteredFromConfigurationAndCallsItsEmulator()
    {
        var contract = EmulatedContract.FromFile(Path.Combine(SchemaAgreementTests.RepoRoot(), "tests", "ContractFirst.Generator.Tests", "Contracts", "suno.yaml"));
        await using var emulator = await ContractEmulator.StartAsync(new EmulatorOptions { Contract = contract, TaskDuration = TimeSpan.FromMilliseconds(50) });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suno:ApiKey"] = emulator.Token,
            ["Suno:Endpoint"] = emulator.BaseAddress.ToString(),
        }).Build();
        var services = new ServiceCollection();

        services.AddSunoClient(configuration.GetSection(SunoServiceCollectionExtensions.SectionName));

        await using var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<global::Siblings.Suno.SunoClient>();
        var answer = await client.GenerateAsync(new global::Siblings.Suno.GenerateRequest { Prompt = "a song about snow", Title = "Snow" });
        Assert.True(answer.Success);
    }

    [Fact]
    public void EveryContractInTheProjectGetsItsRegistrationNamingItsOwnSection()
    {
        var services = new ServiceCollection();
        services.AddKlingClient(settings => settings.Endpoint = new Uri("https://example.test"));
        services.AddSeedreamClient(settings => settings.ApiKey = "k");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(KlingServiceCollectionExtensions.SectionName + ":ApiKey is missing", error.Message);
        Assert.NotNull(provider.GetRequiredService<global::Siblings.Seedream.SeedreamClient>());
    }
}
