#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>On .NET 8, .NET 9's lock type over a monitor, so the same <c>lock</c> statements build for both.</summary>
internal sealed class Lock
{
    private readonly object _gate = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_gate);
        return new Scope(_gate);
    }

    /// <summary>Held until disposed at the end of the <c>lock</c> statement.</summary>
    public readonly ref struct Scope(object gate)
    {
        public void Dispose() => Monitor.Exit(gate);
    }
}
#endif
