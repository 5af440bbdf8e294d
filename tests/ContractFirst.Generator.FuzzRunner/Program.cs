using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator.FuzzRunner;

/// <summary>
/// Runs the contract generator on mutations <c>--from</c> .. <c>--from + --count - 1</c> of a
/// contract and checks each: no exception, no CFG000, every diagnostic inside the contract file,
/// and, when there is no error, generated C# that compiles with no error and no warning.
/// </summary>
/// <remarks>
/// Output, one line each, tab-separated: <c>BEGIN seed kind description</c> before a mutation is
/// run (so a process that dies names the mutation that killed it), <c>RESULT seed OK|FAIL kind
/// message</c> once it is checked, and a final <c>SUMMARY</c>. The exit code is 0 whether or not
/// mutations failed; a crash is the only other outcome.
/// </remarks>
internal static class Program
{
    private const string ContractPath = "/spec/happyhorse.yaml";

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly object s_outputLock = new();

    private static readonly Dictionary<string, double> s_byKind = new(StringComparer.Ordinal);

    public static int Main(string[] args)
    {
        var options = Options.Parse(args);
        var original = File.ReadAllText(options.Spec).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CONTRACT_FUZZ_PROFILE") == "1")
        {
            foreach (var (name, yaml) in new[] { ("valid", original), ("broken", original.Replace("contract: 2", "contract: 3", StringComparison.Ordinal)), ("empty", "x: 1") })
            {
                for (var round = 0; round < 2; round++)
                {
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < 100; i++)
                    {
                        Check(yaml, out _);
                    }

                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {watch.Elapsed.TotalMilliseconds / 100:0.00} ms"));
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var checker = new CompileChecker(options.CompileThreads);
        var crashAt = int.TryParse(Environment.GetEnvironmentVariable("CONTRACT_FUZZ_CRASH_AT"), NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : -1;
        var failures = 0;

        // The generator runs on a thread with a small (1 MB) stack, as a compiler thread might:
        // any unbounded recursion shows here first.
        var worker = new Thread(() =>
        {
            for (var next = options.From; next < options.From + options.Count; next++)
            {
                var seed = next;
                var mutation = Mutator.Create(original, seed);
                Write($"BEGIN\t{seed}\t{mutation.Kind}\t{Mutator.Show(mutation.Description, 400)}");
                if (seed == crashAt)
                {
                    // For the test of the test: a process that dies must name this mutation. The compiles of earlier
                    // mutations finish first, so that this is the only one left without a result whatever they contain.
                    checker.Drain();
                    _ = Overflow(0);
                }

                var started = Stopwatch.GetTimestamp();
                var problems = Check(mutation.Text, out var sources);
                lock (s_byKind)
                {
                    s_byKind[mutation.Kind] = s_byKind.GetValueOrDefault(mutation.Kind) + Stopwatch.GetElapsedTime(started).TotalSeconds;
                }

                if (problems.Count > 0)
                {
                    Interlocked.Increment(ref failures);
                    Write($"RESULT\t{seed}\tFAIL\t{mutation.Kind}\t{Clean(string.Join(" | ", problems))}");
                }
                else if (sources is null)
                {
                    Write($"RESULT\t{seed}\tOK\t{mutation.Kind}\tdiagnosed");
                }
                else
                {
                    checker.Enqueue(sources.Value, (ok, message) =>
                    {
                        if (!ok)
                        {
                            Interlocked.Increment(ref failures);
                        }

                        Write($"RESULT\t{seed}\t{(ok ? "OK" : "FAIL")}\t{mutation.Kind}\t{Clean(message)}");
                    });
                }
            }
        }, maxStackSize: 1024 * 1024);
        worker.Start();
        worker.Join();
        var generated = stopwatch.Elapsed;
        checker.Complete();
        Write(string.Create(CultureInfo.InvariantCulture,
            $"SUMMARY\tmutations={options.Count}\tfailures={failures}\tcompiled={checker.Compiled}\tpartial={checker.Partial}\tcached={checker.CacheHits}\tgenerating={generated.TotalSeconds:0.0}\tseconds={stopwatch.Elapsed.TotalSeconds:0.0}"));
        if (Environment.GetEnvironmentVariable("CONTRACT_FUZZ_TIMES") == "1")
        {
            foreach (var (kind, seconds) in s_byKind.OrderByDescending(p => p.Value))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: {seconds:0.00} s generating"));
            }
        }

        return 0;
    }

    private static int Overflow(int depth) => depth == int.MaxValue ? depth : Overflow(depth + 1) + 1;

    /// <summary>Problems with one run; <paramref name="sources"/> is the generated code when the contract got no error.</summary>
    private static List<string> Check(string yaml, out ImmutableArray<(string HintName, string Text)>? sources)
    {
        sources = null;
        var problems = new List<string>();
        var driver = CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            [new InMemoryText(ContractPath, yaml)],
            s_parseOptions,
            new ContractOptions());
        var host = CSharpCompilation.Create("Host", [], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorRunResult result;
        try
        {
            result = driver.RunGenerators(host).GetRunResult().Results.Single();
        }
        catch (Exception ex)
        {
            problems.Add("the driver threw " + ex.GetType().Name + ": " + ex.Message);
            return problems;
        }

        if (result.Exception is not null)
        {
            problems.Add("the generator threw " + result.Exception.GetType().Name + ": " + result.Exception.Message);
        }

        var text = SourceText.From(yaml);
        var hasError = false;
        foreach (var diagnostic in result.Diagnostics)
        {
            hasError |= diagnostic.Severity == DiagnosticSeverity.Error;
            if (!diagnostic.Id.StartsWith("CFG", StringComparison.Ordinal) || diagnostic.Id == "CFG000")
            {
                problems.Add("generator failure: " + diagnostic);
                continue;
            }

            var location = diagnostic.Location;
            var lineSpan = location.GetLineSpan();
            if (location.Kind != LocationKind.ExternalFile || lineSpan.Path != ContractPath)
            {
                problems.Add("not located in the contract: " + diagnostic);
            }
            else if (location.SourceSpan.End > text.Length || lineSpan.EndLinePosition.Line >= text.Lines.Count)
            {
                problems.Add("located past the end of the file: " + diagnostic);
            }
            else if (text.Lines.GetTextSpan(lineSpan.Span) != location.SourceSpan)
            {
                problems.Add($"character span {location.SourceSpan} disagrees with line span {lineSpan.Span}: " + diagnostic);
            }
        }

        if (hasError && !result.GeneratedSources.IsEmpty)
        {
            problems.Add($"a contract with errors generated {result.GeneratedSources.Length} file(s)");
        }

        if (!hasError && problems.Count == 0)
        {
            if (result.GeneratedSources.IsEmpty)
            {
                problems.Add("no error diagnostic, but nothing was generated");
            }
            else
            {
                sources = result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();
            }
        }

        return problems;
    }

    private static void Write(string line)
    {
        lock (s_outputLock)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    private static string Clean(string text) => ShowAll(text);

    private static string ShowAll(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 2_000 ? text[..2_000] : text)
        {
            builder.Append(c < 0x20 || c is '\u2028' or '\u2029' or '\u0085' || char.IsSurrogate(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    private sealed record Options(string Spec, int From, int Count, int CompileThreads)
    {
        public static Options Parse(string[] args)
        {
            string? spec = null;
            int from = 0, count = 100, threads = Math.Max(1, Environment.ProcessorCount);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--spec": spec = args[i + 1]; break;
                    case "--from": from = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--count": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--compile-threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException("Unknown option " + args[i]);
                }
            }

            return new Options(spec ?? FindSpec(), from, count, threads);
        }

        private static string FindSpec()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "spec", "happyhorse.yaml");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new InvalidOperationException("spec/happyhorse.yaml not found above " + AppContext.BaseDirectory);
        }
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks the one additional text as a contract, as the MSBuild props would.</summary>
    private sealed class ContractOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Values s_contract = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContractFirst"] = "true" });
        private static readonly Values s_empty = new([]);

        public override AnalyzerConfigOptions GlobalOptions => s_empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_contract;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    /// <summary>
    /// Compiles generated code on worker threads, once per distinct set of files. References and
    /// options are those of the snapshot tests: the running .NET's assemblies and
    /// ContractFirst.Runtime, C# 12, documentation diagnosed, nullable on; any warning fails.
    /// </summary>
    private sealed class CompileChecker : IDisposable
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Append(typeof(ContractFirst.Runtime.ApiTransport).Assembly.Location)
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray());

        private static readonly Lazy<CSharpCompilation> s_empty = new(() =>
        {
            var empty = CSharpCompilation.Create("Fuzzed", [], s_references.Value, s_options);
            _ = empty.GetDiagnostics();
            return empty;
        });

        private static readonly CSharpCompilationOptions s_options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithConcurrentBuild(false)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

        private readonly BlockingCollection<(ImmutableArray<(string HintName, string Text)> Sources, Action<bool, string> Done)> _queue = new(boundedCapacity: 64);
        private readonly ConcurrentDictionary<string, Lazy<string?>> _results = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SyntaxTree, string> _skeletons = new();
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<SyntaxTree, bool>> _cleanBySkeleton = new(StringComparer.Ordinal);
        private readonly Thread[] _threads;
        private int _partial;
        private int _compiled;
        private int _cacheHits;
        private int _pending;

        public CompileChecker(int threads)
        {
            _threads = Enumerable.Range(0, threads).Select(_ => new Thread(Work)).ToArray();
            foreach (var thread in _threads)
            {
                thread.Start();
            }
        }

        public int Compiled => _compiled;

        public void Dispose() => _queue.Dispose();

        public int CacheHits => _cacheHits;

        /// <summary>Compilations that checked only the files new to a known, clean set of declarations.</summary>
        public int Partial => _partial;

        public void Enqueue(ImmutableArray<(string HintName, string Text)> sources, Action<bool, string> done)
        {
            Interlocked.Increment(ref _pending);
            _queue.Add((sources, done));
        }

        /// <summary>Waits until every compile enqueued so far has reported.</summary>
        public void Drain()
        {
            while (Volatile.Read(ref _pending) > 0)
            {
                Thread.Sleep(10);
            }
        }

        public void Complete()
        {
            _queue.CompleteAdding();
            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }

        private void Work()
        {
            foreach (var (sources, done) in _queue.GetConsumingEnumerable())
            {
                string? error;
                try
                {
                    var key = Hash(sources.Select(s => s.HintName + "\0" + s.Text));
                    var created = false;
                    var lazy = _results.GetOrAdd(key, _ => new Lazy<string?>(() =>
                    {
                        created = true;
                        return Compile(sources);
                    }));
                    error = lazy.Value;
                    if (created)
                    {
                        Interlocked.Increment(ref _compiled);
                    }
                    else
                    {
                        Interlocked.Increment(ref _cacheHits);
                    }
                }
                catch (Exception ex)
                {
                    error = "compiling threw " + ex;
                }

                done(error is null, error ?? $"compiled {sources.Length} file(s) cleanly");
                Interlocked.Decrement(ref _pending);
            }
        }

        private string? Compile(ImmutableArray<(string HintName, string Text)> sources)
        {
            var trees = sources.Select(s => _trees.GetOrAdd(Hash([s.HintName, s.Text]),
                _ => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), s_parseOptions, "/generated/" + s.HintName))).ToList();
            // Adding to one empty compilation shares its bound references (about 170 assemblies)
            // instead of binding them again for every compilation.
            var compilation = s_empty.Value.AddSyntaxTrees(trees);

            // A file's diagnostics depend on its own text and on what the other files declare, not
            // on their method bodies, property initializers or comments. Once a set of files with
            // some declarations compiled cleanly, a later set with the same declarations needs only
            // its new files checked; most mutations change a description or a JSON value.
            var skeleton = Hash(trees.Select(t => t.FilePath + "\0" + _skeletons.GetOrAdd(t, Skeleton.Of)));
            var cleanFiles = _cleanBySkeleton.GetValueOrDefault(skeleton);
            IEnumerable<Diagnostic> diagnostics;
            if (cleanFiles is null)
            {
                diagnostics = compilation.GetDiagnostics();
            }
            else
            {
                Interlocked.Increment(ref _partial);
                diagnostics = trees.Where(t => !cleanFiles.ContainsKey(t)).SelectMany(t => compilation.GetSemanticModel(t).GetDiagnostics());
            }

            var bad = diagnostics
                .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
                .Take(5)
                .ToList();
            if (bad.Count > 0)
            {
                return "generated C# does not compile: " + string.Join(" | ", bad.Select(d => d.ToString()));
            }

            var clean = _cleanBySkeleton.GetOrAdd(skeleton, _ => new ConcurrentDictionary<SyntaxTree, bool>());
            foreach (var tree in trees)
            {
                clean.TryAdd(tree, true);
            }

            return null;
        }

        private static string Hash(IEnumerable<string> parts)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var part in parts)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(part));
                sha.AppendData([0xFF]);
            }

            return Convert.ToHexString(sha.GetHashAndReset());
        }
    }
}
