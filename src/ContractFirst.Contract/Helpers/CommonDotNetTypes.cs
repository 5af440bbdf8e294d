namespace ContractFirst.Contract.Helpers;

/// <summary>
/// Public types of the .NET namespaces that most files import (implicit usings, HTTP, JSON, collections, LINQ): a
/// generated type of the same name would make every such file ambiguous (CS0104). A list, not a lookup in the
/// compilation, because the parser also runs outside the compiler (the JSON Schema export, the emulator); the
/// generator tests check each entry against the real type and every test contract against all of these namespaces.
/// </summary>
internal static class CommonDotNetTypes
{
    private static readonly Dictionary<string, string> s_byName = Build(
        ("System", "Action Activator AggregateException AppDomain ArgumentException Array ArraySegment Attribute Boolean Buffer Byte Char Console Convert DateOnly DateTime DateTimeOffset Decimal Delegate Double Enum Environment EventArgs EventHandler Exception FormatException Func GC Guid Half Index Int16 Int32 Int64 Int128 InvalidOperationException Lazy Math Memory NotSupportedException Nullable Object OperationCanceledException Progress Random Range ReadOnlyMemory ReadOnlySpan Single Span String TimeOnly TimeoutException TimeSpan TimeZoneInfo Tuple Type UInt16 UInt32 UInt64 Uri UriBuilder ValueTuple Version Void WeakReference"),
        ("System.IO", "BinaryReader BinaryWriter Directory DirectoryInfo DriveInfo File FileAccess FileInfo FileMode FileNotFoundException FileShare FileStream FileSystemInfo IOException MemoryStream Path SearchOption Stream StreamReader StreamWriter StringReader StringWriter TextReader TextWriter"),
        ("System.Net", "Cookie CookieContainer DecompressionMethods Dns DnsEndPoint EndPoint HttpListener HttpStatusCode IPAddress IPEndPoint NetworkCredential WebClient WebHeaderCollection WebProxy WebRequest WebResponse"),
        ("System.Net.Http", "ByteArrayContent DelegatingHandler FormUrlEncodedContent HttpClient HttpClientHandler HttpCompletionOption HttpContent HttpMessageHandler HttpMethod HttpRequestException HttpRequestMessage HttpRequestOptions HttpResponseMessage HttpVersionPolicy MultipartContent MultipartFormDataContent SocketsHttpHandler StreamContent StringContent"),
        ("System.Security.Authentication", "AuthenticationException InvalidCredentialException SslProtocols"),
        ("System.Threading", "AsyncLocal AutoResetEvent Barrier CancellationToken CancellationTokenSource CountdownEvent ExecutionContext Interlocked Lock ManualResetEvent ManualResetEventSlim Monitor Mutex ReaderWriterLockSlim Semaphore SemaphoreSlim SpinLock SpinWait SynchronizationContext Thread ThreadLocal ThreadPool ThreadState Timeout Timer Volatile WaitHandle"),
        ("System.Threading.Tasks", "Parallel ParallelOptions Task TaskCanceledException TaskCompletionSource TaskContinuationOptions TaskCreationOptions TaskFactory TaskScheduler TaskStatus ValueTask"),
        ("System.Collections.Generic", "Comparer Dictionary EqualityComparer HashSet KeyNotFoundException KeyValuePair LinkedList LinkedListNode List PriorityQueue Queue SortedDictionary SortedList SortedSet Stack"),
        ("System.Linq", "Enumerable Lookup Queryable"),
        ("System.Text", "Encoding Rune StringBuilder"),
        ("System.Text.Json", "JsonDocument JsonElement JsonException JsonProperty JsonSerializer JsonSerializerOptions JsonValueKind Utf8JsonReader Utf8JsonWriter"));

    /// <summary>Every entry as namespace-qualified name, for the tests.</summary>
    public static IEnumerable<string> All => s_byName.Values;

    /// <summary>The full name of the common .NET type named <paramref name="typeName"/>, or null.</summary>
    public static string? FullName(string typeName) => s_byName.TryGetValue(typeName, out var fullName) ? fullName : null;

    private static Dictionary<string, string> Build(params (string Namespace, string Names)[] namespaces)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (ns, names) in namespaces)
        {
            foreach (var name in names.Split(' '))
            {
                // The first namespace wins (Timer is System.Threading's; System.Timers is not listed).
                if (!byName.ContainsKey(name))
                {
                    byName[name] = ns + "." + name;
                }
            }
        }

        return byName;
    }
}
