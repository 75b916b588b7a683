using Market.Core.Catalog;
using Market.Core.Catalog.Csv;

namespace Market.Web.CatalogCsv;

public sealed record ShopRef(int Id, string Name);

public sealed record ImportSummary(Guid Id, string FileName, CatalogImportStatus Status, DateTimeOffset CreatedAt);

public sealed record UploadPage(ShopRef Shop, IReadOnlyList<string> Categories, IReadOnlyList<ImportSummary> Recent, string? ProblemKey);

public sealed record ImportView(
    Guid Id,
    ShopRef Shop,
    string FileName,
    CatalogImportStatus Status,
    int Total,
    int Processed,
    int Created,
    int Updated,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CsvProblem> Problems)
{
    /// <summary>Rows saved so far (<see cref="ImportProgress"/>); all of them once applied.</summary>
    public int Saved { get; init; }

    public bool Finished => Status is not (CatalogImportStatus.Queued or CatalogImportStatus.Running);
    public int Unchanged => Total - Created - Updated;

    /// <summary>Which progress text applies; the page's script picks the same one from <see cref="ImportState"/>.</summary>
    public string ProgressKey => Status == CatalogImportStatus.Queued || Total == 0 ? "CatalogCsv.Queued"
        : Processed < Total ? "CatalogCsv.Checking" : "CatalogCsv.SavingRows";

    /// <summary>The row the progress text names: the one being checked, then the one being saved.</summary>
    public int ProgressRow => Processed < Total ? Processed : Saved;
}

public sealed record ImportPage(ImportView Import, IReadOnlyList<string> Categories);

/// <summary>What the progress page polls for.</summary>
public sealed record ImportState(string Status, int Processed, int Saved, int Total, bool Finished, int Created, int Updated);
