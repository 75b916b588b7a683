using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Web.Cart;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Markets;

/// <summary>A market day on which a vendor in the cart has a stall, offered at checkout as the place to pick up.</summary>
public sealed record MarketPickup(int ShopId, int MarketDayId, DateOnly Date, TimeOnly Opens, TimeOnly Closes, string Space, int Stall)
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<MarketPickup>>> ForAsync(MarketDbContext db, CartView cart, TimeProvider clock,
        CancellationToken ct)
    {
        var vendors = cart.Shops.Where(s => s.Shop.Kind == ShopKind.MarketVendor).Select(s => s.Shop.Id).ToList();
        if (vendors.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<MarketPickup>>();
        }
        var now = clock.GetUtcNow();
        var stalls = await db.StallApplications
            .Where(a => vendors.Contains(a.ShopId) && a.Status == StallApplicationStatus.Approved
                && a.MarketDay.Status == MarketDayStatus.Scheduled && a.MarketDay.EndsAt > now)
            .OrderBy(a => a.MarketDay.StartsAt)
            .Select(a => new MarketPickup(a.ShopId, a.MarketDayId, a.MarketDay.Date, a.MarketDay.Opens, a.MarketDay.Closes,
                a.MarketDay.PublicSpace.Name, a.StallNumber!.Value))
            .Take(50)
            .ToListAsync(ct);
        return stalls.GroupBy(s => s.ShopId).ToDictionary(g => g.Key, g => (IReadOnlyList<MarketPickup>)[.. g]);
    }
}
