using System.Text;
using Market.Core.Catalog;
using Market.Core.Catalog.Csv;

namespace Market.Tests.Unit.CatalogCsv;

public static class CsvSamples
{
    public const string Header = "sku,nombre,descripcion,categoria,unidad,precio,existencias,activo,local";

    public static readonly Category Fruit = new() { Id = 1, Name = "Frutas y verduras", Slug = "frutas-y-verduras" };
    public static readonly Category Dairy = new() { Id = 2, Name = "Lácteos", Slug = "lacteos" };
    public static readonly Category[] Categories = [Fruit, Dairy];

    public static CatalogCsvCheck Check(string text) => All(Encoding.UTF8.GetBytes(text));

    public static CatalogCsvCheck All(byte[] file)
    {
        var check = CatalogCsvCheck.Start(file, Categories);
        check.CheckNext(check.TotalRows);
        return check;
    }

    /// <summary>The header and the given data rows, one per line.</summary>
    public static CatalogCsvCheck CheckRows(params string[] rows) => Check(string.Join("\r\n", [Header, .. rows]));

    public static CsvProblem Only(CatalogCsvCheck check) => check.Problems.ShouldHaveSingleItem();
}
