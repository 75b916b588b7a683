using System.ComponentModel.DataAnnotations;

namespace Market.Core.Media;

public enum BlobProvider
{
    FileSystem,
    Azure,
}

public sealed class BlobOptions
{
    public const string Section = "Blobs";

    public BlobProvider Provider { get; set; } = BlobProvider.FileSystem;

    /// <summary>The folder of the file-system store, relative to the working directory like the SQLite file.</summary>
    [Required]
    public string Root { get; set; } = "data/blobs";

    public string? AzureConnectionString { get; set; }

    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Blobs:Container must be a valid Azure container name.")]
    public string Container { get; set; } = "photos";
}
