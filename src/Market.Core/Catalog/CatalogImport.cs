namespace Market.Core.Catalog;

public enum CatalogImportStatus
{
    Queued,
    Running,
    Applied,
    Refused,
    Failed,
}

/// <summary>
/// One CSV import of a shop's catalog, processed in the background. Its counters are the progress the
/// shopkeeper watches; its errors (line and reason) are kept so the page can list them.
/// </summary>
public sealed class CatalogImport
{
    public Guid Id { get; set; }
    public int ShopId { get; set; }
    public required string FileName { get; set; }
    public CatalogImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }

    /// <summary>JSON array of {line, messageKey, args}: translated when shown.</summary>
    public string? ErrorsJson { get; set; }

    /// <summary>The uploaded file, kept until it is processed.</summary>
    public byte[]? Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
