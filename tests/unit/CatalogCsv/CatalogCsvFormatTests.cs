using System.Text;
using Market.Core;
using Market.Core.Catalog.Csv;
using static Market.Tests.Unit.CatalogCsv.CsvSamples;

namespace Market.Tests.Unit.CatalogCsv;

public sealed class CatalogCsvFormatTests
{
    private static readonly CatalogLine Mango = new("MAN-01", "Mango tommy", null, Fruit, "unidad", new Money(50), null, true, false);

    private static string Text(byte[] file) => Encoding.UTF8.GetString(file.AsSpan(Encoding.UTF8.Preamble.Length));

    [Fact]
    public void File_StartsWithABom_ThenTheHeader_InCrlfLines()
    {
        var file = CatalogCsvFormat.Write([Mango]);

        file.AsSpan().StartsWith(Encoding.UTF8.Preamble).ShouldBeTrue();
        Text(file).ShouldBe(Header + "\r\nMAN-01,Mango tommy,,Frutas y verduras,unidad,0.50,,si,no\r\n");
    }

    [Fact]
    public void Values_AreWrittenAsTheImportReadsThem()
    {
        var line = new CatalogLine(null, "Queso", "Duro", Dairy, "libra", new Money(375), 0, false, true);

        Text(CatalogCsvFormat.Write([line])).Split("\r\n")[1].ShouldBe(",Queso,Duro,Lácteos,libra,3.75,0,no,si");
    }

    [Fact]
    public void FieldsWithSeparatorsQuotesOrLineBreaks_AreQuoted()
    {
        var line = Mango with { Name = "Pan, dulce", Description = "El \"mejor\"\npan; rico" };

        Text(CatalogCsvFormat.Write([line])).ShouldContain("MAN-01,\"Pan, dulce\",\"El \"\"mejor\"\"\npan; rico\",");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-Pan")]
    [InlineData("@SUM(A1)")]
    public void TextThatASpreadsheetWouldRunAsAFormula_IsGuarded(string name)
    {
        var written = Text(CatalogCsvFormat.Write([Mango with { Name = name }]));

        written.Split("\r\n")[1].Split(',')[1].TrimStart('"').ShouldStartWith("'");
    }

    [Fact]
    public void WrittenFile_ReadsBackToTheSameLines()
    {
        CatalogLine[] lines =
        [
            Mango,
            new("Q-1", "<script>alert(1)</script>", "Línea uno\r\nLínea \"dos\", con coma", Dairy, "libra", new Money(1_000), 12, false, true),
            new("F-2", "=1+1", "-empieza con guion", Fruit, "@bolsa", new Money(1), 0, true, true),
        ];

        var check = All(CatalogCsvFormat.Write(lines));

        check.Problems.ShouldBeEmpty();
        check.Lines.ShouldBe(lines);
    }

    [Theory]
    [InlineData("Tienda Doña Tere", "catalogo-tienda-dona-tere.csv")]
    [InlineData("Frutas y Verduras Don Chepe", "catalogo-frutas-y-verduras-don-chepe.csv")]
    [InlineData("¡¿?!", "catalogo.csv")]
    public void FileName_IsTheShopNameAsASlug(string shop, string expected) =>
        CatalogCsvFormat.FileName(shop).ShouldBe(expected);
}
