using System.Text;
using Market.Core.Catalog.Csv;

namespace Market.Tests.Unit.CatalogCsv;

public sealed class CsvTextTests
{
    [Fact]
    public void Utf8WithBom_LosesTheBom() =>
        CsvText.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("sku,año")]).ShouldBe("sku,año");

    [Fact]
    public void Utf8WithoutBom_KeepsTheAccents() =>
        CsvText.Decode(Encoding.UTF8.GetBytes("Lácteos,Piña,€")).ShouldBe("Lácteos,Piña,€");

    [Fact]
    public void Windows1252_AsExcelSavesPlainCsv_KeepsTheAccents()
    {
        // "Lácteos,Piña,€" in Windows-1252: á = E1, ñ = F1, € = 80; not valid UTF-8.
        byte[] ansi = [0x4C, 0xE1, 0x63, 0x74, 0x65, 0x6F, 0x73, 0x2C, 0x50, 0x69, 0xF1, 0x61, 0x2C, 0x80];

        CsvText.Decode(ansi).ShouldBe("Lácteos,Piña,€");
    }
}
