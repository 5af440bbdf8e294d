using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// The reader of each <see cref="IJsonReadable{TSelf}"/> type compiled where interfaces cannot have
/// static virtual members (netstandard2.0, .NET Framework): generated code registers its models here
/// from a module initializer. Code compiled for .NET 8 or later never needs it.
/// </summary>
/// <remarks>
/// One shape on every target: a netstandard2.0 SDK loaded next to this runtime's net8.0 build reaches
/// its readers through the default <c>IJsonReadable&lt;TSelf&gt;.ReadJson</c>, which comes here.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReaders
{
    /// <summary>Registers the reader of <typeparamref name="T"/>; the first registration stays.</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <param name="reader">The generated <c>ReadJson</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static void Register<T>(JsonReadFunc<T> reader)
        where T : IJsonReadable<T>
    {
        ArgumentNullException.ThrowIfNull(reader);
        Interlocked.CompareExchange(ref Slot<T>.Reader, reader, null);
    }

    /// <summary>Reads one <typeparamref name="T"/> with its registered reader.</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <param name="reader">A reader on the value's first token; on return, on its last.</param>
    /// <param name="context">Strict or tolerant, the secret to scrub; collects the issues met.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="InvalidOperationException">No reader was registered for <typeparamref name="T"/>.</exception>
    public static T Read<T>(ref Utf8JsonReader reader, JsonReadContext context)
        where T : IJsonReadable<T> =>
        For<T>()(ref reader, context);

    /// <summary>The registered reader of <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">No reader was registered for <typeparamref name="T"/>.</exception>
    internal static JsonReadFunc<T> For<T>()
        where T : IJsonReadable<T> =>
        Slot<T>.Reader ?? Find<T>();

    private static JsonReadFunc<T> Find<T>()
        where T : IJsonReadable<T>
    {
        // The module initializer that registers the readers runs when code of the model's assembly first
        // runs; a caller can get here before that (ContractJson.Parse<T> as the program's first call).
        RuntimeHelpers.RunModuleConstructor(typeof(T).Module.ModuleHandle);
        return Slot<T>.Reader ?? throw new InvalidOperationException(
            $"No JSON reader is registered for {typeof(T).FullName}. Generated models compiled for netstandard2.0 register "
            + $"theirs from a module initializer; a hand-written type calls JsonReaders.Register<{typeof(T).Name}>(ReadJson).");
    }

    /// <summary>One static field per type: a lookup costs a field read, no dictionary.</summary>
    private static class Slot<T>
    {
        internal static JsonReadFunc<T>? Reader;
    }
}
