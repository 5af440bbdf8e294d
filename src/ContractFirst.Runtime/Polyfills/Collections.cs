namespace ContractFirst.Runtime;

/// <summary>The .NET Core dictionary members and .NET 6's <c>Enumerable.Chunk</c>.</summary>
internal static class Collections
{
    extension<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        public bool TryAdd(TKey key, TValue value)
        {
            if (dictionary.ContainsKey(key))
            {
                return false;
            }

            dictionary.Add(key, value);
            return true;
        }

        public bool Remove(TKey key, out TValue value) => dictionary.TryGetValue(key, out value!) && dictionary.Remove(key);
    }

    extension<TKey, TValue>(KeyValuePair<TKey, TValue> pair)
    {
        public void Deconstruct(out TKey key, out TValue value)
        {
            key = pair.Key;
            value = pair.Value;
        }
    }

    extension<T>(IEnumerable<T> source)
    {
        public IEnumerable<T[]> Chunk(int size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
            return Chunks(source, size);
        }
    }

    private static IEnumerable<T[]> Chunks<T>(IEnumerable<T> source, int size)
    {
        var chunk = new List<T>(size);
        foreach (var item in source)
        {
            chunk.Add(item);
            if (chunk.Count == size)
            {
                yield return chunk.ToArray();
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk.ToArray();
        }
    }
}
