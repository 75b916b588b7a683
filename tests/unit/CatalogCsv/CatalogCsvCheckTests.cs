using System.Text;
using Market.Core;
using Market.Core.Catalog.Csv;
using static Market.Tests.Unit.CatalogCsv.CsvSamples;

namespace Market.Tests.Unit.CatalogCsv;

public sealed class CatalogCsvCheckTests
{
    [Fact]
    public void GoodRows_BecomeLines()
    {
        var check = CheckRows(
            "MAN-01,Mango tommy,\"Dulce, de temporada\",Frutas y verduras,unidad,0.50,120,si,sí",
            "LEC-02,Leche entera,,lacteos,litro,1.25,,no,0");

        check.Problems.ShouldBeEmpty();
        check.Lines.ShouldBe([
            new CatalogLine("MAN-01", "Mango tommy", "Dulce, de temporada", Fruit, "unidad", new Money(50), 120, true, true),
            new CatalogLine("LEC-02", "Leche entera", null, Dairy, "litro", new Money(125), null, false, false),
        ]);
    }

    [Fact]
    public void ProblemsCarryTheFileLine_CountingTheHeaderAsOne_AndLinesInsideQuotes()
    {
        var check = CheckRows(
            "A,Uno,\"dos\nlíneas\",lacteos,unidad,1,,si,no",
            "B,Dos,,lacteos,unidad,gratis,,si,no",
            "",
            "C,Tres,,lacteos,unidad,1,,quizá,no");

        check.Problems.Select(p => (p.Line, p.MessageKey)).ShouldBe([(4, "CatalogCsv.PriceInvalid"), (6, "CatalogCsv.YesNoInvalid")]);
        check.Problems[0].Args.ShouldBe(["gratis"]);
        check.Problems[1].Args.ShouldBe(["activo", "quizá"]);
    }

    [Fact]
    public void SemicolonSeparatedFile_WithBomAndDecimalComma_IsRead()
    {
        var text = Header.Replace(',', ';') + "\r\nQ-1;Queso duro;;Lácteos;libra;3,75;4;si;no\r\n";

        var check = All([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        check.Problems.ShouldBeEmpty();
        check.Lines.ShouldHaveSingleItem().Price.ShouldBe(new Money(375));
    }

    [Fact]
    public void HeaderColumns_MayComeInAnyOrder_WithCapitalsAndAccents_AndUnknownOnesAreIgnored()
    {
        var check = Check("Precio,SKU,Nombre,Descripción,Categoría,Unidad,Existencias,Activo,Local,Notas\n2.00,P-1,Piña,,frutas y verduras,unidad,,si,no,para mí");

        check.Problems.ShouldBeEmpty();
        check.Lines.ShouldHaveSingleItem().ShouldBe(new CatalogLine("P-1", "Piña", null, Fruit, "unidad", new Money(200), null, true, false));
    }

    [Fact]
    public void MissingColumns_AreNamed_AndNoRowIsChecked()
    {
        var check = Check("sku,nombre,categoria,unidad\nA,B,lacteos,unidad");

        var problem = Only(check);
        (problem.Line, problem.MessageKey).ShouldBe((1, "CatalogCsv.MissingColumns"));
        problem.Args[0].ShouldBe("descripcion, precio, existencias, activo, local");
        check.TotalRows.ShouldBe(0);
    }

    [Fact]
    public void RepeatedColumn_IsRefused() =>
        Only(Check(Header + ",Precio\n")).ShouldBe(new CsvProblem(1, "CatalogCsv.RepeatedColumn", ["precio"]), new ProblemComparer());

    [Theory]
    [InlineData("", "CatalogCsv.Empty")]
    [InlineData("\r\n\r\n", "CatalogCsv.Empty")]
    [InlineData(Header + "\r\n", "CatalogCsv.NoRows")]
    public void FileWithoutProducts_IsRefused(string text, string key) => Only(Check(text)).MessageKey.ShouldBe(key);

    [Fact]
    public void TooManyRows_AreRefusedBeforeAnyIsChecked()
    {
        var rows = Enumerable.Range(0, CatalogCsvCheck.MaxRows + 1).Select(i => $"S{i},N,,lacteos,u,1,,si,no");

        var check = CheckRows([.. rows]);

        Only(check).MessageKey.ShouldBe("CatalogCsv.TooManyRows");
        check.TotalRows.ShouldBe(0);
    }

    [Fact]
    public void RowWithTooFewOrTooManyFields_SaysHowMany()
    {
        var check = CheckRows("A,Pan,,lacteos,unidad,1,,si", "B,Pan, dulce,,lacteos,unidad,1,,si,no");

        check.Problems.Select(p => (p.Line, p.MessageKey, p.Args[0], p.Args[1])).ShouldBe([
            (2, "CatalogCsv.FieldCount", "8", "9"),
            (3, "CatalogCsv.FieldCount", "10", "9"),
        ]);
    }

    [Fact]
    public void BrokenQuotes_AreReportedOnTheirLine() =>
        Only(CheckRows("A,\"Pan\"x,,lacteos,unidad,1,,si,no")).ShouldBe(new CsvProblem(2, "CatalogCsv.BadQuotes", []), new ProblemComparer());

    [Theory]
    [InlineData(",Pan,,lacteos,unidad,1,,si,no", "CatalogCsv.SkuRequired")]
    [InlineData("7.50101E+12,Pan,,lacteos,unidad,1,,si,no", "CatalogCsv.SkuMangled")]
    [InlineData("\"7,50101e+12\",Pan,,lacteos,unidad,1,,si,no", "CatalogCsv.SkuMangled")]
    [InlineData("A,,,lacteos,unidad,1,,si,no", "CatalogCsv.NameRequired")]
    [InlineData("A,Pan,,,unidad,1,,si,no", "CatalogCsv.CategoryRequired")]
    [InlineData("A,Pan,,Ferretería,unidad,1,,si,no", "CatalogCsv.CategoryUnknown")]
    [InlineData("A,Pan,,lacteos,,1,,si,no", "CatalogCsv.UnitRequired")]
    [InlineData("A,Pan,,lacteos,unidad,,,si,no", "CatalogCsv.PriceRequired")]
    [InlineData("A,Pan,,lacteos,unidad,uno,,si,no", "CatalogCsv.PriceInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,\"1,000\",,si,no", "CatalogCsv.PriceInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,1e3,,si,no", "CatalogCsv.PriceInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,1.255,,si,no", "CatalogCsv.PriceDecimals")]
    [InlineData("A,Pan,,lacteos,unidad,0,,si,no", "CatalogCsv.PricePositive")]
    [InlineData("A,Pan,,lacteos,unidad,-1.50,,si,no", "CatalogCsv.PricePositive")]
    [InlineData("A,Pan,,lacteos,unidad,1000000.01,,si,no", "CatalogCsv.PriceTooHigh")]
    [InlineData("A,Pan,,lacteos,unidad,1,-1,si,no", "CatalogCsv.StockInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,1,2.5,si,no", "CatalogCsv.StockInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,1,muchos,si,no", "CatalogCsv.StockInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,1,1000001,si,no", "CatalogCsv.StockInvalid")]
    [InlineData("A,Pan,,lacteos,unidad,1,,,no", "CatalogCsv.YesNoRequired")]
    [InlineData("A,Pan,,lacteos,unidad,1,,si,tal vez", "CatalogCsv.YesNoInvalid")]
    public void EachBrokenRule_IsOneProblemOnItsLine(string row, string key)
    {
        var check = CheckRows(row);

        var problem = Only(check);
        (problem.Line, problem.MessageKey).ShouldBe((2, key));
        check.Lines.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(41, 160, 2000, 30, "CatalogCsv.SkuTooLong")]
    [InlineData(40, 161, 2000, 30, "CatalogCsv.NameTooLong")]
    [InlineData(40, 160, 2001, 30, "CatalogCsv.DescriptionTooLong")]
    [InlineData(40, 160, 2000, 31, "CatalogCsv.UnitTooLong")]
    public void TextLongerThanTheCatalogKeeps_IsRefused(int sku, int name, int description, int unit, string key)
    {
        var row = $"{new string('S', sku)},{new string('n', name)},{new string('d', description)},lacteos,{new string('u', unit)},1,,si,no";

        Only(CheckRows(row)).MessageKey.ShouldBe(key);
    }

    [Fact]
    public void TextAtTheLimits_Passes() =>
        CheckRows($"{new string('S', 40)},{new string('n', 160)},{new string('d', 2000)},lacteos,{new string('u', 30)},1,,si,no").Problems.ShouldBeEmpty();

    [Fact]
    public void EveryProblemOfARow_IsListed()
    {
        var check = CheckRows(",,,Nada,,abc,-2,x,y");

        check.Problems.Select(p => p.MessageKey).ShouldBe([
            "CatalogCsv.SkuRequired", "CatalogCsv.NameRequired", "CatalogCsv.CategoryUnknown", "CatalogCsv.UnitRequired",
            "CatalogCsv.PriceInvalid", "CatalogCsv.StockInvalid", "CatalogCsv.YesNoInvalid", "CatalogCsv.YesNoInvalid",
        ]);
        check.Problems.ShouldAllBe(p => p.Line == 2);
    }

    [Theory]
    [InlineData("si", true)]
    [InlineData("Sí", true)]
    [InlineData("SI", true)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("NO", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void YesAndNo_AreReadInEveryAcceptedSpelling(string word, bool expected)
    {
        var line = CheckRows($"A,Pan,,lacteos,unidad,1,,{word},{word}").Lines.ShouldHaveSingleItem();

        (line.IsActive, line.IsLocal).ShouldBe((expected, expected));
    }

    [Theory]
    [InlineData("1.25", 125)]
    [InlineData("$1.25", 125)]
    [InlineData(" 1.5 ", 150)]
    [InlineData("\"0,75\"", 75)]
    [InlineData("3", 300)]
    [InlineData("1000000", 100_000_000)]
    public void Price_IsReadAsCents(string price, long cents) =>
        CheckRows($"A,Pan,,lacteos,unidad,{price},,si,no").Lines.ShouldHaveSingleItem().Price.Cents.ShouldBe(cents);

    [Fact]
    public void Values_AreTrimmed_AndAFormulaGuardIsRemoved()
    {
        var line = CheckRows("  A-1 ,'=Pan ,  ,  LÁCTEOS , bolsa ,1, 7 ,si,no").Lines.ShouldHaveSingleItem();

        line.ShouldBe(new CatalogLine("A-1", "=Pan", null, Dairy, "bolsa", new Money(100), 7, true, false));
    }

    [Fact]
    public void RepeatedSku_IsAProblemOnTheSecondLine_NamingTheFirst()
    {
        var check = CheckRows(
            "A,Pan,,lacteos,unidad,1,,si,no",
            "B,Leche,,lacteos,litro,1,,si,no",
            "A,Pan otra vez,,lacteos,unidad,1,,si,no");

        Only(check).ShouldBe(new CsvProblem(4, "CatalogCsv.SkuRepeated", ["A", "2"]), new ProblemComparer());
        check.Lines.Select(l => l.Sku).ShouldBe(["A", "B"]);
    }

    [Fact]
    public void RepeatedSku_IsFound_EvenWhenTheFirstRowHasOtherProblems() =>
        CheckRows("A,Pan,,lacteos,unidad,gratis,,si,no", "A,Pan,,lacteos,unidad,1,,si,no")
            .Problems.Select(p => (p.Line, p.MessageKey)).ShouldBe([(2, "CatalogCsv.PriceInvalid"), (3, "CatalogCsv.SkuRepeated")]);

    [Fact]
    public void SkusDifferingOnlyInCase_AreDifferentProducts_AsInTheDatabase() =>
        CheckRows("a,Pan,,lacteos,unidad,1,,si,no", "A,Pan,,lacteos,unidad,1,,si,no").Problems.ShouldBeEmpty();

    [Fact]
    public void ManyProblems_AreListedUpToTheCap_ThenCounted()
    {
        var rows = Enumerable.Range(0, CatalogCsvCheck.MaxListedProblems + 20).Select(i => $"S{i},Pan,,lacteos,unidad,gratis,,si,no");

        var problems = CheckRows([.. rows]).Problems;

        problems.Count.ShouldBe(CatalogCsvCheck.MaxListedProblems + 1);
        problems[^1].ShouldBe(new CsvProblem(0, "CatalogCsv.MoreProblems", ["20"]), new ProblemComparer());
    }

    [Fact]
    public void CheckNext_ChecksASliceAtATime()
    {
        var rows = Enumerable.Range(0, 450).Select(i => $"S{i},Pan,,lacteos,unidad,1,,si,no");
        var check = CatalogCsvCheck.Start(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows])), Categories);

        var seen = new List<int> { check.Checked };
        while (!check.Done)
        {
            check.CheckNext(200);
            seen.Add(check.Checked);
        }

        check.TotalRows.ShouldBe(450);
        seen.ShouldBe([0, 200, 400, 450]);
        check.Lines.Count.ShouldBe(450);
    }

    [Fact]
    public void Problems_SurviveTheirJsonRoundTrip()
    {
        CsvProblem[] problems = [new(3, "CatalogCsv.PriceInvalid", ["abc"]), new(0, "CatalogCsv.MoreProblems", ["2"])];

        var json = CsvProblem.ToJson(problems);

        json.ShouldContain("\"line\":3");
        json.ShouldContain("\"messageKey\":\"CatalogCsv.PriceInvalid\"");
        CsvProblem.FromJson(json).ShouldBe(problems, new ProblemComparer());
        CsvProblem.FromJson(null).ShouldBeEmpty();
    }

    private sealed class ProblemComparer : IEqualityComparer<CsvProblem>
    {
        public bool Equals(CsvProblem? x, CsvProblem? y) =>
            x?.Line == y?.Line && x?.MessageKey == y?.MessageKey && (x?.Args ?? []).SequenceEqual(y?.Args ?? []);

        public int GetHashCode(CsvProblem obj) => HashCode.Combine(obj.Line, obj.MessageKey);
    }
}
