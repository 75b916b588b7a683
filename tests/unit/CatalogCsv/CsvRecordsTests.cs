using Market.Core.Catalog.Csv;

namespace Market.Tests.Unit.CatalogCsv;

public sealed class CsvRecordsTests
{
    private static List<CsvRecord> Read(string text, char separator = ',') => [.. CsvRecords.Read(text, separator)];

    [Fact]
    public void Records_CarryTheLineTheyStartOn()
    {
        var records = Read("a,b\r\n1,2\r\n3,4\r\n");

        records.Select(r => r.Line).ShouldBe([1, 2, 3]);
        records[1].Fields.ShouldBe(["1", "2"]);
    }

    [Fact]
    public void QuotedFields_HoldSeparatorsDoubledQuotesAndLineBreaks()
    {
        var records = Read("a,b\n\"Pan, dulce\",\"dice \"\"hola\"\"\"\n\"línea uno\nlínea dos\",x\nlast,y\n");

        records[1].Fields.ShouldBe(["Pan, dulce", "dice \"hola\""]);
        records[2].Fields.ShouldBe(["línea uno\nlínea dos", "x"]);
        records[2].Line.ShouldBe(3);
        records[3].Line.ShouldBe(5);
        records.ShouldAllBe(r => !r.Malformed);
    }

    [Theory]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\nb\nc\n")]
    [InlineData("a\rb\rc")]
    public void AnyLineEnding_EndsARecord(string text) =>
        Read(text).Select(r => (r.Line, r.Fields[0])).ShouldBe([(1, "a"), (2, "b"), (3, "c")]);

    [Fact]
    public void BlankLines_AreBlankRecords_AndStillCountAsLines()
    {
        var records = Read("a,b\n\n,\n1,2\n");

        records.Select(r => r.IsBlank).ShouldBe([false, true, true, false]);
        records[3].Line.ShouldBe(4);
    }

    [Fact]
    public void UnclosedQuote_MakesTheRestOfTheFileOneMalformedRecord()
    {
        var records = Read("a,b\n1,\"open\n2,3\n");

        records.Count.ShouldBe(2);
        records[1].Line.ShouldBe(2);
        records[1].Malformed.ShouldBeTrue();
    }

    [Fact]
    public void TextAfterAClosingQuote_IsMalformed_AndTheNextLineIsReadNormally()
    {
        var records = Read("\"abc\"def,x\n1,2\n");

        records[0].Malformed.ShouldBeTrue();
        (records[1].Line, records[1].Malformed).ShouldBe((2, false));
        records[1].Fields.ShouldBe(["1", "2"]);
    }

    [Fact]
    public void QuoteInsideAnUnquotedField_IsKeptAsText() =>
        Read("Tubo 5\" pulgadas,x")[0].Fields.ShouldBe(["Tubo 5\" pulgadas", "x"]);

    [Fact]
    public void Semicolon_SeparatesWhenAsked_AndCommasAreThenText() =>
        Read("precio;nombre\n1,25;Pan", ';')[1].Fields.ShouldBe(["1,25", "Pan"]);

    [Theory]
    [InlineData("sku,nombre,precio\n1;2;3", ',')]
    [InlineData("sku;nombre;precio\n1,2,3", ';')]
    [InlineData("sku;\"nombre, largo\";precio", ';')]
    [InlineData("sku", ',')]
    public void Separator_IsSniffedFromTheHeaderLine(string text, char expected) =>
        CsvRecords.SniffSeparator(text).ShouldBe(expected);
}
