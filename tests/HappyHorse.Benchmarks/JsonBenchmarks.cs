using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace HappyHorse.Benchmarks;

/// <summary>Writing a request body and reading the documented answer, against System.Text.Json.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks : IDisposable
{
    private readonly ReferenceToVideoRequest _request = Samples.Request();
    private readonly ReferenceToVideoDto _dto = Samples.Dto();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly byte[] _response = Samples.VideosResponse;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup() => _writer = new Utf8JsonWriter(_buffer);

    [GlobalCleanup]
    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }

    [BenchmarkCategory("Write"), Benchmark(Baseline = true, Description = "Write: STJ source-generated")]
    public int WriteSystemTextJson()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _dto, BaselineJsonContext.Default.ReferenceToVideoDto);
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Write"), Benchmark(Description = "Write: generated WriteJson")]
    public int WriteGenerated()
    {
        Reset();
        _request.WriteJson(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [BenchmarkCategory("Read"), Benchmark(Baseline = true, Description = "Read: STJ source-generated")]
    public int ReadSystemTextJson() =>
        JsonSerializer.Deserialize(_response, BaselineJsonContext.Default.VideosResponseDto)!.Data!.Count;

    [BenchmarkCategory("Read"), Benchmark(Description = "Read: generated FromJson")]
    public int ReadGenerated() => VideosResponse.FromJson(_response).Data.Count;

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
