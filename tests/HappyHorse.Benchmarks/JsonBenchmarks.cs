using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json.Serialization;

namespace HappyHorse.Benchmarks;

/// <summary>
/// Writing a request body and reading the documented answers, against System.Text.Json's source
/// generator (the baseline of each category) and Newtonsoft.Json on field-for-field equal DTOs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks : IDisposable
{
    // Newtonsoft's usual setup for a snake_case API: names from the naming strategy, nulls left out.
    private static readonly Newtonsoft.Json.JsonSerializerSettings NewtonsoftSettings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
    };

    private readonly ReferenceToVideoRequest _request = Samples.Request();
    private readonly ReferenceToVideoDto _dto = Samples.Dto();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly byte[] _response = Samples.VideosResponse;
    private readonly byte[] _taskRecord = Samples.TaskRecord;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup() => _writer = new Utf8JsonWriter(_buffer);

    [GlobalCleanup]
    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }

    // What the transport sends: a request as UTF-8 bytes, from nothing.
    [BenchmarkCategory("ToUtf8"), Benchmark(Baseline = true, Description = "ToUtf8: STJ source-gen SerializeToUtf8Bytes")]
    public int ToUtf8SystemTextJson() => JsonSerializer.SerializeToUtf8Bytes(_dto, BaselineJsonContext.Default.ReferenceToVideoDto).Length;

    [BenchmarkCategory("ToUtf8"), Benchmark(Description = "ToUtf8: ContractJson.ToUtf8Bytes")]
    public int ToUtf8Generated() => ContractJson.ToUtf8Bytes(_request).Length;

    [BenchmarkCategory("ToUtf8"), Benchmark(Description = "ToUtf8: Newtonsoft SerializeObject + UTF-8")]
    public int ToUtf8Newtonsoft() => Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(_dto, NewtonsoftSettings)).Length;

    // Into a writer the caller keeps: the serialisers' own work only.
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

    [BenchmarkCategory("ReadVideos"), Benchmark(Baseline = true, Description = "Read VideosResponse: STJ source-generated")]
    public int ReadSystemTextJson() =>
        JsonSerializer.Deserialize(_response, BaselineJsonContext.Default.VideosResponseDto)!.Data!.Count;

    [BenchmarkCategory("ReadVideos"), Benchmark(Description = "Read VideosResponse: generated FromJson")]
    public int ReadGenerated() => VideosResponse.FromJson(_response).Data.Count;

    [BenchmarkCategory("ReadVideos"), Benchmark(Description = "Read VideosResponse: Newtonsoft")]
    public int ReadNewtonsoft() =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<VideosResponseDto>(Encoding.UTF8.GetString(_response), NewtonsoftSettings)!.Data!.Count;

    [BenchmarkCategory("ReadTask"), Benchmark(Baseline = true, Description = "Read TaskRecord: STJ source-generated")]
    public int ReadTaskSystemTextJson() =>
        JsonSerializer.Deserialize(_taskRecord, BaselineJsonContext.Default.TaskRecordDto)!.Response!.Data!.Count;

    [BenchmarkCategory("ReadTask"), Benchmark(Description = "Read TaskRecord: generated FromJson")]
    public int ReadTaskGenerated() => TaskRecord.FromJson(_taskRecord).Response!.Data.Count;

    [BenchmarkCategory("ReadTask"), Benchmark(Description = "Read TaskRecord: Newtonsoft")]
    public int ReadTaskNewtonsoft() =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<TaskRecordDto>(Encoding.UTF8.GetString(_taskRecord), NewtonsoftSettings)!.Response!.Data!.Count;

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
