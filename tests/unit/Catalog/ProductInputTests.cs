using Market.Core.Catalog;

namespace Market.Tests.Unit.Catalog;

public sealed class ProductInputTests
{
    private static ProductInput Valid => new("Queso duro blandito", "De Chalatenango", 3, "libra", "3.25", true, 10, true, true, "QDB-1");

    private static IEnumerable<string> KeysOf(ProductInput input) => input.Problems(out _).Select(p => p.MessageKey);

    [Fact]
    public void Problems_OfAValidProduct_AreNone_AndThePriceIsInCents()
    {
        Valid.Problems(out var price).ShouldBeEmpty();
        price.Cents.ShouldBe(325);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Problems_WithoutAName_AskForIt(string? name) =>
        KeysOf(Valid with { Name = name }).ShouldBe(["Product.NameRequired"]);

    [Fact]
    public void Problems_WithANameOver160Characters_AskForAShorterOne() =>
        KeysOf(Valid with { Name = new string('a', 161) }).ShouldBe(["Product.NameRequired"]);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("uno")]
    [InlineData("")]
    public void Problems_WithAPriceThatIsNotPositiveDollarsAndCents_AreReported(string price) =>
        KeysOf(Valid with { Price = price }).ShouldBe(["Product.PriceInvalid"]);

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Problems_WithStockControlAndNoSensibleStock_AreReported(int? stock) =>
        KeysOf(Valid with { Stock = stock }).ShouldBe(["Product.StockInvalid"]);

    [Fact]
    public void Problems_WithoutStockControl_IgnoreTheStockField() =>
        KeysOf(Valid with { TracksStock = false, Stock = -5 }).ShouldBeEmpty();

    [Fact]
    public void Problems_ListEveryBrokenRuleAtOnce() =>
        KeysOf(new ProductInput("", new string('x', 2001), 1, " ", "abc", true, null, true, false, new string('s', 41)))
            .ShouldBe(["Product.NameRequired", "Product.DescriptionTooLong", "Product.UnitRequired", "Product.PriceInvalid",
                "Product.StockInvalid", "Product.SkuTooLong"], ignoreOrder: true);

    [Fact]
    public void ApplyTo_TrimsText_DropsBlankOptionalFields_AndClearsStockWithoutStockControl()
    {
        var product = new Product { Name = "", Unit = "" };
        var input = Valid with { Name = "  Pan dulce ", Description = "  ", Unit = " bolsa ", TracksStock = false, Sku = " " };

        input.ApplyTo(product, new Market.Core.Money(150));

        product.Name.ShouldBe("Pan dulce");
        product.Description.ShouldBeNull();
        product.Unit.ShouldBe("bolsa");
        product.Stock.ShouldBeNull();
        product.Sku.ShouldBeNull();
        product.Price.Cents.ShouldBe(150);
    }
}
