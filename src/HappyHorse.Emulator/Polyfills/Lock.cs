#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>On .NET 8, .NET 9's lock type over a monitor, so the same <c>lock</c> statements build for both.</summary>
internal sealed class Lock
{
    public Scope EnterScope()
    {
        Monitor.Enter(this);
        return new Scope(this);
    }

    /// <summary>Held until disposed at the end of the <c>lock</c> statement.</summary>
    public readonly ref struct Scope(Lock owner)
    {
        public void Dispose() => Monitor.Exit(owner);
    }
}
#endif
