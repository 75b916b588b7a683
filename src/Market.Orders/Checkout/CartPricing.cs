using Market.Core;
using Market.Core.Catalog;
using Market.Core.Ordering;

namespace Market.Orders.Checkout;

public sealed record CartLine(int ProductId, int Quantity);

/// <summary>Turns what the resident asked for into one priced draft per shop, from catalog prices only.</summary>
public static class CartPricing
{
    public const int MaxQuantity = 99;
    public const int MaxLines = 50;

    /// <summary>Merges repeated products; the caller has validated quantities.</summary>
    public static IReadOnlyList<CartLine> Merge(IEnumerable<CartLine> lines) =>
        [.. lines.GroupBy(l => l.ProductId).Select(g => new CartLine(g.Key, g.Sum(l => l.Quantity)))];

    public static IReadOnlyList<OrderDraft> Split(IEnumerable<CartLine> lines, IReadOnlyDictionary<int, Product> catalog,
        Func<Shop, Fulfilment> fulfilmentFor) =>
        [.. Merge(lines)
            .Select(l => new OrderDraftLine(catalog[l.ProductId], l.Quantity))
            .GroupBy(l => l.Product.ShopId)
            .OrderBy(g => g.First().Product.Shop.Name, SpanishOrder.Names)
            .Select(g => new OrderDraft(g.First().Product.Shop, fulfilmentFor(g.First().Product.Shop), [.. g]))];
}
