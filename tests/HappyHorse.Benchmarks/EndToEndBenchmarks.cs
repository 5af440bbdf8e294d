using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Refit;

namespace HappyHorse.Benchmarks;

/// <summary>
/// One submit and one task lookup, end to end: the generated client against raw <see cref="HttpClient"/>
/// posting pre-serialised bytes (the floor: no serialising, the answer read as bytes and not parsed)
/// and against Refit with System.Text.Json's source generator. A second raw row reads the answers with STJ's source
/// generator, as a hand-written client must before it can use them. Over loopback to a canned server in
/// its own process, so only the client's allocations are counted; and through an in-memory handler,
/// which leaves only the client's CPU.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks : IDisposable
{
    private const string Token = "benchmark-token";
    private const string TaskId = "27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1";

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly AuthenticationHeaderValue Bearer = new("Bearer", Token);

    private readonly ReferenceToVideoRequest _request = Samples.Request();
    private readonly ReferenceToVideoDto _dto = Samples.Dto();
    private readonly GetTaskDto _lookup = new() { Id = TaskId };
    private byte[] _submitBytes = [];
    private byte[] _lookupBytes = [];
    private Process? _server;
    private Uri _submitUri = null!;
    private Uri _lookupUri = null!;
    private HttpClient _raw = null!;
    private HttpClient _generatedHttp = null!;
    private HttpClient _refitHttp = null!;
    private HappyHorseClient _generated = null!;
    private IHappyHorseRefit _refit = null!;

    /// <summary>Gets or sets where the requests go: a loopback server in another process, or an in-memory handler.</summary>
    [Params("loopback", "in-memory")]
    public string Transport { get; set; } = "loopback";

    [GlobalSetup]
    public void Setup()
    {
        Uri baseAddress;
        if (Transport == "loopback")
        {
            (_server, baseAddress) = CannedServer.Start();
        }
        else
        {
            baseAddress = new Uri("http://127.0.0.1:5999/");
        }

        _submitUri = new Uri(baseAddress, "/happyhorse/videos");
        _lookupUri = new Uri(baseAddress, "/happyhorse/tasks");
        _submitBytes = JsonSerializer.SerializeToUtf8Bytes(_dto, BaselineJsonContext.Default.ReferenceToVideoDto);
        _lookupBytes = JsonSerializer.SerializeToUtf8Bytes(_lookup, BaselineJsonContext.Default.GetTaskDto);

        // Each client has its own handler, so none reuses another's connections.
        _raw = new HttpClient(Handler());
        _generatedHttp = new HttpClient(Handler());
        _generated = new HappyHorseClient(Token, new HappyHorseClientOptions { Endpoint = baseAddress }, _generatedHttp);
        _refitHttp = new HttpClient(Handler()) { BaseAddress = baseAddress };
        _refitHttp.DefaultRequestHeaders.Authorization = Bearer;
        var json = new JsonSerializerOptions { TypeInfoResolver = BaselineJsonContext.Default };
        _refit = RestService.For<IHappyHorseRefit>(_refitHttp, new RefitSettings(new SystemTextJsonContentSerializer(json)));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _generated?.Dispose();
        _generatedHttp?.Dispose();
        _raw?.Dispose();
        _refitHttp?.Dispose();
        if (_server is not null)
        {
            CannedServer.Stop(_server);
            _server = null;
        }

        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient, pre-serialised bytes")]
    public async Task<int> RawHttpClient()
    {
        var submitted = await PostRawAsync(_submitUri, _submitBytes);
        var looked = await PostRawAsync(_lookupUri, _lookupBytes);
        return submitted.Length + looked.Length;
    }

    /// <summary>What a hand-written client does with the same bytes: the answers read with STJ's source generator.</summary>
    [Benchmark(Description = "raw HttpClient + STJ source-gen read")]
    public async Task<int> RawHttpClientRead()
    {
        var submitted = JsonSerializer.Deserialize(await PostRawAsync(_submitUri, _submitBytes), BaselineJsonContext.Default.VideosResponseDto)!;
        var task = JsonSerializer.Deserialize(await PostRawAsync(_lookupUri, _lookupBytes), BaselineJsonContext.Default.TaskRecordDto)!;
        return submitted.Data!.Count + task.Response!.Data!.Count;
    }

    [Benchmark(Description = "generated client")]
    public async Task<int> GeneratedClient()
    {
        var submitted = await _generated.ReferenceToVideoAsync(_request);
        var task = await _generated.GetTaskAsync(submitted.TaskId!);
        return submitted.Data.Count + task.Response!.Data.Count;
    }

    [Benchmark(Description = "Refit (STJ source-gen)")]
    public async Task<int> Refit()
    {
        var submitted = await _refit.SubmitAsync(_dto);
        var task = await _refit.GetTaskAsync(new GetTaskDto { Id = submitted.TaskId });
        return submitted.Data!.Count + task.Response!.Data!.Count;
    }

    private async Task<byte[]> PostRawAsync(Uri uri, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization = Bearer;
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private HttpMessageHandler Handler() =>
        Transport == "loopback" ? new SocketsHttpHandler { AllowAutoRedirect = false } : new CannedHandler();

    /// <summary>Answers in memory as the canned server does: the request body is read, the canned bytes returned.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            var answer = request.RequestUri!.AbsolutePath.StartsWith("/happyhorse/tasks", StringComparison.Ordinal) ? Samples.TaskRecord : Samples.VideosResponse;
            var content = new ByteArrayContent(answer);
            content.Headers.ContentType = Json;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>The two calls as a Refit interface, on the baseline DTOs.</summary>
internal interface IHappyHorseRefit
{
    [Post("/happyhorse/videos")]
    Task<VideosResponseDto> SubmitAsync([Body] ReferenceToVideoDto request);

    [Post("/happyhorse/tasks")]
    Task<TaskRecordDto> GetTaskAsync([Body] GetTaskDto request);
}
