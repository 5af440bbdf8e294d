using System.Text;
using ContractFirst.Extensions.DependencyInjection;
using HappyHorse.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HappyHorse.Extensions.DependencyInjection.Tests;

/// <summary>AddHappyHorseClient as an app uses it: appsettings, start-up validation, key rotation, keyed accounts, handlers.</summary>
public class RegistrationTests
{
    [Fact]
    public async Task TheClientIsRegisteredFromAppSettingsJsonInOneLine()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes($$"""
                { "HappyHorse": { "ApiKey": "{{emulator.Token}}", "Endpoint": "{{emulator.BaseAddress}}", "MaxRetries": "1" } }
                """)))
            .Build();
        var services = new ServiceCollection();

        services.AddHappyHorseClient(configuration.GetSection("HappyHorse"));

        await using var provider = Start(services);
        var client = provider.GetRequiredService<HappyHorseClient>();
        var answer = await client.GenerateAsync(new GenerateRequest("a horse") { Async = true });
        Assert.False(string.IsNullOrEmpty(answer.TaskId));
        Assert.Equal(emulator.BaseAddress, client.Endpoint);
        Assert.Same(client, provider.GetRequiredService<HappyHorseClient>());
    }

    [Fact]
    public async Task TheDelegateOverloadSetsTheSettingsInCode()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();
        var services = new ServiceCollection();

        services.AddHappyHorseClient(settings =>
        {
            settings.ApiKey = emulator.Token;
            settings.Endpoint = emulator.BaseAddress;
        });

        await using var provider = Start(services);
        var answer = await provider.GetRequiredService<HappyHorseClient>().GenerateAsync(new GenerateRequest("a horse") { Async = true });
        Assert.False(string.IsNullOrEmpty(answer.TaskId));
    }

    [Fact]
    public void AMissingApiKeyFailsTheStartNamingTheKey()
    {
        var configuration = Configuration(new() { ["HappyHorse:Endpoint"] = "https://example.test" });
        var services = new ServiceCollection();
        services.AddHappyHorseClient(configuration.GetSection("HappyHorse"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("HappyHorse:ApiKey is missing", error.Message);
    }

    [Fact]
    public void ABadValueFailsTheStartNamingTheKeyTheRuleAndTheValue()
    {
        var configuration = Configuration(new() { ["Video:ApiKey"] = "k", ["Video:Endpoint"] = "not a url", ["Video:NetworkTimeout"] = "soon" });
        var services = new ServiceCollection();
        services.AddHappyHorseClient(configuration.GetSection("Video"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Video:Endpoint must be an absolute URI; it is 'not a url'.", error.Message);
        Assert.Contains("Video:NetworkTimeout must be a positive time span such as 00:01:30; it is 'soon'.", error.Message);
    }

    [Fact]
    public async Task ANewKeyInReloadedConfigurationIsSentFromTheNextRequest()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { AcceptAnyToken = true });
        var configuration = Configuration(new() { ["HappyHorse:ApiKey"] = "key-one", ["HappyHorse:Endpoint"] = emulator.BaseAddress.ToString() });
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddHappyHorseClient(configuration.GetSection("HappyHorse")).AddHttpMessageHandler(() => recorder);
        await using var provider = Start(services);
        var client = provider.GetRequiredService<HappyHorseClient>();
        await client.GenerateAsync(new GenerateRequest("a horse") { Async = true });

        configuration["HappyHorse:ApiKey"] = "key-two";
        configuration.Reload();
        await client.GenerateAsync(new GenerateRequest("a horse") { Async = true });

        Assert.Equal(["Bearer key-one", "Bearer key-two"], recorder.Authorizations);
        Assert.Same(client, provider.GetRequiredService<HappyHorseClient>());
    }

    [Fact]
    public async Task TwoKeyedClientsCallWithTheirOwnAccountsKey()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { AcceptAnyToken = true });
        var configuration = Configuration(new()
        {
            ["Accounts:A:ApiKey"] = "key-a",
            ["Accounts:A:Endpoint"] = emulator.BaseAddress.ToString(),
            ["Accounts:B:ApiKey"] = "key-b",
            ["Accounts:B:Endpoint"] = emulator.BaseAddress.ToString(),
        });
        var recorderA = new RecordingHandler();
        var recorderB = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddHappyHorseClient("a", configuration.GetSection("Accounts:A")).AddHttpMessageHandler(() => recorderA);
        services.AddHappyHorseClient("b", configuration.GetSection("Accounts:B")).AddHttpMessageHandler(() => recorderB);
        services.AddSingleton<TwoAccounts>();
        await using var provider = Start(services);

        var accounts = provider.GetRequiredService<TwoAccounts>();
        await accounts.A.GenerateAsync(new GenerateRequest("a horse") { Async = true });
        await accounts.B.GenerateAsync(new GenerateRequest("a horse") { Async = true });

        Assert.NotSame(accounts.A, accounts.B);
        Assert.Equal(["Bearer key-a"], recorderA.Authorizations);
        Assert.Equal(["Bearer key-b"], recorderB.Authorizations);
    }

    [Fact]
    public async Task AUsersHandlerSeesEveryAttemptWithTheKey()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddHappyHorseClient(settings =>
            {
                settings.ApiKey = emulator.Token;
                settings.Endpoint = emulator.BaseAddress;
                settings.ConfigureOptions = options => options.Retry.Delay = TimeSpan.FromMilliseconds(1);
            })
            .AddHttpMessageHandler(() => recorder)
            .AddHttpMessageHandler(() => new FirstLookupUnavailableHandler());
        await using var provider = Start(services);
        var client = provider.GetRequiredService<HappyHorseClient>();
        var started = await client.GenerateAsync(new GenerateRequest("a horse") { Async = true });

        // The first lookup meets a 503 and is retried: the handler sees the submit and both lookup attempts.
        var record = await client.GetTaskAsync(started.TaskId!);

        Assert.Equal(started.TaskId, record.Id);
        Assert.Equal(3, recorder.Authorizations.Count);
        Assert.All(recorder.Authorizations, header => Assert.Equal("Bearer " + emulator.Token, header));
    }

    private static ServiceProvider Start(ServiceCollection services)
    {
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class TwoAccounts([FromKeyedServices("a")] HappyHorseClient a, [FromKeyedServices("b")] HappyHorseClient b)
    {
        public HappyHorseClient A { get; } = a;

        public HappyHorseClient B { get; } = b;
    }
}
