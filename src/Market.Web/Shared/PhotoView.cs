namespace Market.Web.Shared;

/// <summary>A product thumbnail: WebP where the browser takes it, JPEG otherwise, with its size so the page does not jump.</summary>
public sealed record PhotoView(string Hash, int Width, int Height, string Alt);
