using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ContractFirst.Runtime;

/// <summary>The .NET 5–8 task, cancellation and timer members the runtime uses.</summary>
internal static class Tasks
{
    extension(ValueTask)
    {
        public static ValueTask<T> FromResult<T>(T result) => new(result);
    }

    extension(Task)
    {
        public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            timeProvider.Delay(delay, cancellationToken);
    }

    extension(Task task)
    {
        public ConfiguredTaskAwaitable ConfigureAwait(ConfigureAwaitOptions options)
        {
            var settled = (options & ConfigureAwaitOptions.SuppressThrowing) == 0
                ? task
                : task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return settled.ConfigureAwait((options & ConfigureAwaitOptions.ContinueOnCapturedContext) != 0);
        }
    }

    extension(CancellationTokenSource source)
    {
        // Callbacks run before this returns rather than queued; every caller awaits it at once anyway.
        public Task CancelAsync()
        {
            source.Cancel();
            return Task.CompletedTask;
        }
    }

    extension(CancellationToken token)
    {
        // Register flows the execution context, which UnsafeRegister saves; the callbacks do not depend on it.
        public CancellationTokenRegistration UnsafeRegister(Action<object?> callback, object? state) => token.Register(callback!, state);
    }

    extension(Parallel)
    {
        /// <summary>As .NET 6's: at most MaxDegreeOfParallelism bodies at a time; the first failure stops the rest and is thrown.</summary>
        public static async Task ForEachAsync<T>(IEnumerable<T> source, ParallelOptions options, Func<T, CancellationToken, ValueTask> body)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
            using var items = source.GetEnumerator();
            var gate = new object();
            Exception? failure = null;

            async Task Worker()
            {
                while (true)
                {
                    T item;
                    lock (gate)
                    {
                        if (stop.IsCancellationRequested || !items.MoveNext())
                        {
                            return;
                        }

                        item = items.Current;
                    }

                    try
                    {
                        await body(item, stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        lock (gate)
                        {
                            failure ??= ex;
                        }

                        stop.Cancel();
                        return;
                    }
                }
            }

            var degree = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
            var workers = new Task[degree];
            for (var i = 0; i < degree; i++)
            {
                workers[i] = Task.Run(Worker);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
            options.CancellationToken.ThrowIfCancellationRequested();
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }
}

/// <summary>.NET 8's options for awaiting a task; only those the runtime uses.</summary>
[Flags]
internal enum ConfigureAwaitOptions
{
    None = 0,
    ContinueOnCapturedContext = 1,
    SuppressThrowing = 2,
}
