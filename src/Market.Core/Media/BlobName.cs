namespace Market.Core.Media;

internal static class BlobName
{
    /// <summary>A blob name is one plain file name: no folders, no way out of the store's root, nothing hidden.</summary>
    public static void EnsureValid(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/', StringComparison.Ordinal)
            || name.Contains('\\', StringComparison.Ordinal)
            || name.Contains("..", StringComparison.Ordinal)
            || name.StartsWith('.')
            || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid blob name.", nameof(name));
        }
    }
}
