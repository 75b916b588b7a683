namespace Market.Core.Media;

internal static class BoundedUpload
{
    /// <summary>
    /// The whole upload, or null as soon as it proves longer than <paramref name="maxBytes"/>: at most
    /// one byte past the limit is ever read, whatever the stream claims or never ends.
    /// </summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(Stream upload, int maxBytes, CancellationToken cancellationToken)
    {
        if (upload.CanSeek && upload.Length - upload.Position > maxBytes)
        {
            return null;
        }
        var buffer = new byte[upload.CanSeek ? upload.Length - upload.Position + 1 : 256 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
            }
            var read = await upload.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), cancellationToken);
            if (read == 0)
            {
                return new ArraySegment<byte>(buffer, 0, length);
            }
            length += read;
            if (length > maxBytes)
            {
                return null;
            }
        }
    }
}
