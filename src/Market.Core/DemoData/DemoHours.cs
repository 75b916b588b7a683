using Market.Core.Catalog;

namespace Market.Core.DemoData;

/// <summary>Opening hours by the kind of shop, in America/El_Salvador local time.</summary>
internal static class DemoHours
{
    private static readonly DayOfWeek[] MondayToSaturday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    public static List<OpeningHours> For(ShopRow row)
    {
        if (row.Kind == ShopKind.MarketVendor)
        {
            return [Span(DayOfWeek.Saturday, 7, 14), Span(DayOfWeek.Sunday, 7, 14)];
        }
        // Pupuserías and other cooked-food shops open for the evening meal, every day.
        if (row.Sells.Contains(DemoProducts.PreparedFood)
            && row.Sells.All(category => category is DemoProducts.PreparedFood or DemoProducts.Drinks))
        {
            return [.. Enum.GetValues<DayOfWeek>().Select(day => Span(day, 16, 21))];
        }
        return [.. MondayToSaturday.Select(day => Span(day, 7, 19)), Span(DayOfWeek.Sunday, 8, 12)];
    }

    private static OpeningHours Span(DayOfWeek day, int opens, int closes) => new(day, new TimeOnly(opens, 0), new TimeOnly(closes, 0));
}
