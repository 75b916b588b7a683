using System.Globalization;

namespace Market.Core;

/// <summary>US dollars as integer cents: no floating point ever touches money.</summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromDollars(decimal dollars)
    {
        var cents = dollars * 100m;
        return cents == decimal.Truncate(cents)
            ? new Money((long)cents)
            : throw new ArgumentException("Money has at most two decimals.", nameof(dollars));
    }

    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        var cleaned = text?.Trim().TrimStart('$').Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value < 0 || value > 1_000_000 || decimal.Round(value, 2) != value)
        {
            return false;
        }
        money = new Money((long)(value * 100m));
        return true;
    }

    public Money Times(int quantity) => new(checked(Cents * quantity));

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));
    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));
    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;
    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;
    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;
    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (a, b) => a + b);

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    public decimal Dollars => Cents / 100m;

    /// <summary>"1.25": what a form field or a CSV cell holds, and what <see cref="TryParse"/> reads back.</summary>
    public string ToPlainString() => Dollars.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Shown as "$1.25": the dollar sign and point are how prices are written in El Salvador.</summary>
    public override string ToString() =>
        (Cents < 0 ? "-$" : "$") + (Math.Abs(Cents) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
