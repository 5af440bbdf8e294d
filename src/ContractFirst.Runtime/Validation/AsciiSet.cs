#if NET8_0_OR_GREATER
using System.Buffers;
#endif

namespace ContractFirst.Runtime;

/// <summary>
/// A set of ASCII characters searched for the first character outside it: vectorised by <c>SearchValues</c> where
/// the runtime has it, a 128-entry table elsewhere. Allocates nothing per search.
/// </summary>
internal sealed class AsciiSet
{
#if NET8_0_OR_GREATER
    private readonly SearchValues<char> _values;
#else
    private readonly bool[] _members = new bool[128];
#endif

    public AsciiSet(string members)
    {
#if NET8_0_OR_GREATER
        _values = SearchValues.Create(members);
#else
        foreach (var c in members)
        {
            _members[c] = true;
        }
#endif
    }

    /// <summary>Finds the first character that is not in the set.</summary>
    /// <param name="text">The text to search.</param>
    /// <returns>Its index, or -1 when every character is in the set.</returns>
    public int IndexOfAnyExcept(ReadOnlySpan<char> text)
    {
#if NET8_0_OR_GREATER
        return text.IndexOfAnyExcept(_values);
#else
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || !_members[c])
            {
                return i;
            }
        }

        return -1;
#endif
    }
}
