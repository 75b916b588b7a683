using Market.Core.Search;

namespace Market.Tests.Unit.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Piña", "pina")]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("tortillas", "tortilla")]
    [InlineData("frijoles", "frijol")]
    [InlineData("limones", "limon")]
    [InlineData("tomates", "tomat")]
    [InlineData("huevos", "huevo")]
    [InlineData("maíz", "maiz")]
    [InlineData("pan", "pan")]
    [InlineData("res", "res")]
    public void Parse_FoldsCaseAndAccents_AndCutsSimplePlurals(string typed, string stem)
    {
        SearchTerms.Parse(typed).Stems.ShouldBe([stem]);
    }

    [Fact]
    public void Parse_SplitsOnPunctuation_DropsRepeats_AndKeepsAtMostSixWords()
    {
        SearchTerms.Parse("  café, CAFÉ; leche-en polvo \"1 lb\" ").Stems.ShouldBe(["cafe", "leche", "en", "polvo", "1", "lb"]);
        SearchTerms.Parse("a b c d e f g h").Stems.Count.ShouldBe(6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*\"()-:^")]
    [InlineData(null)]
    public void Parse_OfNothingSearchable_IsEmpty(string? typed)
    {
        SearchTerms.Parse(typed).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Queries_MatchEveryTermAsAPrefix_WithTheSameTiersOnBothDatabases()
    {
        var terms = SearchTerms.Parse("Tortillas maíz");

        terms.ForSqlite().ShouldBe(("{Name} : (tortilla* maiz*)", "{Name Category} : (tortilla* maiz*)", "tortilla* maiz*"));
        terms.ForPostgres().ShouldBe(("tortilla:*A & maiz:*A", "tortilla:*AB & maiz:*AB", "tortilla:* & maiz:*"));
    }

    [Fact]
    public void Queries_CannotCarryOperatorsFromTheInput()
    {
        var terms = SearchTerms.Parse("pan\" OR NOT {Shop} : x* & !y | z");

        terms.Stems.ShouldAllBe(s => s.All(char.IsAsciiLetterOrDigit));
    }
}
