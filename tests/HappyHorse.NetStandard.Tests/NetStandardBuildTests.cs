using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;

namespace HappyHorse.Tests;

/// <summary>
/// The tests linked from tests/HappyHorse.Tests prove behaviour only if they ran against the netstandard2.0
/// builds; these check that, and the reading path that exists only there.
/// </summary>
public sealed class NetStandardBuildTests
{
    [Theory]
    [InlineData(typeof(HappyHorseClient))]
    [InlineData(typeof(ContractJson))]
    [InlineData(typeof(Siblings.Suno.GenerateRequest))]
    public void TheLoadedSdkAndRuntimeAreTheNetStandard20Builds(Type type)
    {
        var framework = type.Assembly.GetCustomAttribute<TargetFrameworkAttribute>();

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
    }

    [Fact]
    public void TheInterfaceHasNoStaticReadJsonThereAndTheSdkRegistersItsReaders()
    {
        // On net8.0 IJsonReadable<T> declares ReadJson; here it cannot, and the generated registry reads instead.
        Assert.Empty(typeof(IJsonReadable<>).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic));
        Assert.NotNull(typeof(HappyHorseClient).Assembly.GetType("HappyHorse.HappyHorseJsonReaders"));
    }

    [Fact]
    public void AModelReadsThroughItsRegisteredReader()
    {
        var record = ContractJson.Parse<TaskRecord>("""{ "id": "t-1", "type": "videos" }""");

        Assert.Equal("t-1", record.Id);
    }

    [Fact]
    public void ATypeWithoutAReaderFailsWithAProgrammingErrorNamingItNotAJsonError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ContractJson.Parse<Unregistered>("{}"));

        Assert.Contains(typeof(Unregistered).FullName!, ex.Message, StringComparison.Ordinal);
        Assert.Contains("JsonReaders.Register", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHandWrittenTypeRegistersItsReaderAndTheFirstRegistrationStays()
    {
        JsonReaders.Register<HandWritten>(HandWritten.ReadJson);
        JsonReaders.Register<HandWritten>((ref Utf8JsonReader reader, JsonReadContext context) => throw new InvalidOperationException("second"));

        var value = ContractJson.Parse<HandWritten>("""{ "a": 1 }""");

        Assert.Equal("read by the first", value.By);
    }

    private sealed class Unregistered : IJsonReadable<Unregistered>;

    private sealed class HandWritten : IJsonReadable<HandWritten>
    {
        public string? By { get; init; }

        public static HandWritten ReadJson(ref Utf8JsonReader reader, JsonReadContext context)
        {
            reader.Skip();
            return new HandWritten { By = "read by the first" };
        }
    }
}
