#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace ContractFirst.Runtime;

/// <summary>
/// A range of UTF-16 code units searched for its first member: vectorised by <c>SearchValues</c> where the runtime has
/// it, a plain loop elsewhere. Not <c>MemoryExtensions.IndexOfAnyInRange</c>: its generic code boxes until the JIT
/// has optimised it, so the first calls of a process would allocate.
/// </summary>
internal sealed class CharRange
{
#if NET8_0_OR_GREATER
    private readonly SearchValues<char> _values;
#else
    private readonly char _low;
    private readonly char _high;
#endif

    public CharRange(char low, char high)
    {
#if NET8_0_OR_GREATER
        var members = new char[high - low + 1];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = (char)(low + i);
        }

        _values = SearchValues.Create(members);
#else
        _low = low;
        _high = high;
#endif
    }

    /// <summary>Finds the first character in the range.</summary>
    /// <param name="text">The text to search.</param>
    /// <returns>Its index, or -1 when there is none.</returns>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
#if NET8_0_OR_GREATER
        return text.IndexOfAny(_values);
#else
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= _low && text[i] <= _high)
            {
                return i;
            }
        }

        return -1;
#endif
    }
}
