using System.Net.Http.Json;
using Market.Bench;

namespace Market.Drill;

internal enum CheckoutKind
{
    /// <summary>Prepared food of the free shop: no stock counted.</summary>
    OneShop,

    /// <summary>A cart over two shops, so one Idempotency-Key makes two orders; one line has a (large) stock.</summary>
    TwoShops,

    /// <summary>One unit of a product with less stock than the checkouts that want it: some must be refused.</summary>
    StockRace,
}

/// <summary>A step every order of a checkout takes after its 201; the resident's is a cancellation through the code alone.</summary>
internal sealed record PlannedStep(string Step, string? Reason = null, bool ByResident = false);

/// <summary>One checkout of the drill: its lines by shop (product id → units) and what happens after the 201.</summary>
internal sealed record CheckoutPlan(
    int Number,
    CheckoutKind Kind,
    IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> LinesByShop,
    IReadOnlyList<PlannedStep> Steps,
    TimeSpan StepPause,
    bool Followed,
    bool DoubleTap);

/// <summary>A demo shop whose products have a stock: one is raced for, one is stocked far beyond the run.</summary>
internal sealed record LimitedShop(int ShopId, int RaceProduct, int PlentyProduct);

/// <summary>
/// The demo shops the drill orders from, by their row in tiendas-demo.csv (owners tienda{N}@demo.sv): Pupusería La Ceiba
/// (2) sells prepared food without stock; Panadería San Antonio (3) and Tienda El Buen Precio (6) sell stocked goods.
/// </summary>
internal sealed record DrillCatalog(int FreeShop, IReadOnlyList<int> FreeProducts, IReadOnlyList<LimitedShop> LimitedShops)
{
    public const int PlentyStock = 10_000;
    private static readonly int[] Limited = [3, 6];
    private const int Free = 2;

    public IEnumerable<int> Shops => [FreeShop, .. LimitedShops.Select(s => s.ShopId)];

    public static async Task<DrillCatalog> ReadAsync(HttpClient http)
    {
        var free = (await ProductsAsync(http, Free)).Where(p => p.Stock is null).Select(p => p.Id).ToList();
        if (free.Count == 0)
        {
            throw new InvalidOperationException($"shop {Free} has no products without a stock limit");
        }
        var limited = new List<LimitedShop>();
        foreach (var shopId in Limited)
        {
            var stocked = (await ProductsAsync(http, shopId)).Where(p => p.Stock is not null).Select(p => p.Id).ToList();
            if (stocked.Count < 2)
            {
                throw new InvalidOperationException($"shop {shopId} has fewer than two products with a stock limit");
            }
            limited.Add(new LimitedShop(shopId, stocked[0], stocked[1]));
        }
        return new DrillCatalog(Free, free, limited);
    }

    /// <summary>
    /// The stock each tracked product starts with: a raced product gets half the checkouts that want it, and as at most
    /// a third of those are cancelled or rejected (putting their unit back), at least a sixth must be refused.
    /// </summary>
    public IReadOnlyDictionary<int, int> StartingStock(IReadOnlyList<CheckoutPlan> plans)
    {
        var stock = LimitedShops.ToDictionary(s => s.PlentyProduct, _ => PlentyStock);
        foreach (var race in plans.Where(p => p.Kind == CheckoutKind.StockRace).SelectMany(p => p.LinesByShop.Values.SelectMany(l => l.Keys))
                     .GroupBy(id => id))
        {
            stock[race.Key] = Math.Max(1, race.Count() / 2);
        }
        return stock;
    }

    public CheckoutPlan For(int n)
    {
        var limited = LimitedShops[n / 4 % LimitedShops.Count];
        var food = FreeProducts[n % FreeProducts.Count];
        var followed = n % 5 == 0;
        var doubleTap = n % 7 == 0;
        var quick = TimeSpan.FromMilliseconds(200);
        switch (n % 4)
        {
            case 3:
                PlannedStep[] race = (n % 24) switch
                {
                    7 => [new("Cancel", "Simulacro: ya no lo necesito", ByResident: true)],
                    19 => [new("Reject", "Simulacro: sin existencias")],
                    _ when n % 3 == 0 => [new("Accept")],
                    _ => [],
                };
                return new(n, CheckoutKind.StockRace, Lines((limited.ShopId, limited.RaceProduct, 1)), race, quick, followed, doubleTap);
            case 1:
                return new(n, CheckoutKind.TwoShops, Lines((FreeShop, food, 1 + n % 3), (limited.ShopId, limited.PlentyProduct, 1 + n % 2)),
                    n % 3 == 0 ? [new("Accept")] : [], quick, followed, doubleTap);
            default:
                // Every tenth goes all the way to the hand-over, a second per step, so its events cross the faults and its
                // sale reaches the ledger.
                if (n % 10 == 0)
                {
                    return new(n, CheckoutKind.OneShop, Lines((FreeShop, food, 1 + n % 3)),
                        [new("Accept"), new("StartPreparing"), new("MarkReady"), new("HandOver")], TimeSpan.FromSeconds(1), followed, doubleTap);
                }
                PlannedStep[] steps = n % 3 != 0 ? [] : n % 2 == 0 ? [new("Accept"), new("StartPreparing")] : [new("Accept")];
                return new(n, CheckoutKind.OneShop, Lines((FreeShop, food, 1 + n % 3)), steps, quick, followed, doubleTap);
        }
    }

    private static Dictionary<int, IReadOnlyDictionary<int, int>> Lines(params (int Shop, int Product, int Units)[] lines) =>
        lines.GroupBy(l => l.Shop).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, int>)g.ToDictionary(l => l.Product, l => l.Units));

    private static async Task<List<ProductDto>> ProductsAsync(HttpClient http, int shopId) =>
        await http.GetFromJsonAsync<List<ProductDto>>($"/api/productos?tienda={shopId}") ?? [];
}
