using System.Globalization;
using Market.Core;

namespace Market.Tests.Unit.Core;

public sealed class MoneyTests
{
    [Fact]
    public void Arithmetic_WorksInWholeCents()
    {
        var price = Money.FromDollars(1.25m);

        (price + Money.FromDollars(0.75m)).Cents.ShouldBe(200);
        (price - Money.FromDollars(2m)).Cents.ShouldBe(-75);
        price.Times(3).Cents.ShouldBe(375);
        price.Dollars.ShouldBe(1.25m);
    }

    [Fact]
    public void Comparison_FollowsTheAmount()
    {
        var small = new Money(99);
        var large = new Money(100);

        (small < large).ShouldBeTrue();
        (large > small).ShouldBeTrue();
        (small <= new Money(99)).ShouldBeTrue();
        (large >= small).ShouldBeTrue();
        small.CompareTo(large).ShouldBeLessThan(0);
    }

    [Fact]
    public void FromDollars_TenCentsPlusTwentyCents_IsExactlyThirtyCents()
    {
        (Money.FromDollars(0.10m) + Money.FromDollars(0.20m)).ShouldBe(Money.FromDollars(0.30m));
        (Money.FromDollars(0.10m) + Money.FromDollars(0.20m)).Cents.ShouldBe(30);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1.005")]
    [InlineData("-0.125")]
    public void FromDollars_FractionOfACent_IsRefused(string dollars)
    {
        Should.Throw<ArgumentException>(() => Money.FromDollars(decimal.Parse(dollars, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("20", 2000)]
    [InlineData("20.5", 2050)]
    [InlineData("$20.50", 2050)]
    [InlineData(" 3.00 ", 300)]
    [InlineData("0.05", 5)]
    public void TryParse_PlainAmounts_AreRead(string text, long cents)
    {
        Money.TryParse(text, out var money).ShouldBeTrue();

        money.Cents.ShouldBe(cents);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAnAmount_IsRefused(string? text)
    {
        Money.TryParse(text, out var money).ShouldBeFalse();

        money.ShouldBe(Money.Zero);
    }

    [Theory]
    [InlineData(125, "$1.25")]
    [InlineData(5, "$0.05")]
    [InlineData(-200, "-$2.00")]
    [InlineData(0, "$0.00")]
    [InlineData(123456, "$1234.56")]
    public void ToString_WritesDollarsWithTwoDecimals(long cents, string text)
    {
        new Money(cents).ToString().ShouldBe(text);
    }

    [Fact]
    public void ToString_UnderACommaDecimalCulture_StillUsesAPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-ES");
        try
        {
            new Money(125).ToString().ShouldBe("$1.25");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Sum_AddsEveryAmount()
    {
        Money.Sum([new Money(125), new Money(5), new Money(200)]).ShouldBe(new Money(330));
    }

    [Fact]
    public void Sum_OfNothing_IsZero()
    {
        Money.Sum([]).ShouldBe(Money.Zero);
    }

    [Theory]
    [InlineData(125, "1.25")]
    [InlineData(5, "0.05")]
    [InlineData(2000, "20.00")]
    public void ToPlainString_IsWhatAFormFieldHolds_AndReadsBackTheSame(long cents, string text)
    {
        new Money(cents).ToPlainString().ShouldBe(text);
        Money.TryParse(text, out var back).ShouldBeTrue();
        back.Cents.ShouldBe(cents);
    }
}
