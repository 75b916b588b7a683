using System.Globalization;
using System.Security.Claims;
using Market.Admin.Staff;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Ordering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.Territory;

/// <summary>What happens in the territory today: municipal staff see their municipality, metropolitan staff all of them.</summary>
[Authorize(Policy = StaffScope.Policy)]
public sealed class TerritoryController(MarketDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var own = StaffScope.Of(User)!.Municipality;
        var municipalities = db.Municipalities.Where(m => own == null || m.Id == own);
        var startOfDay = ElSalvadorTime.ToUtc(ElSalvadorTime.Today(clock), TimeOnly.MinValue);
        var rows = await municipalities.OrderBy(m => m.Name).Select(m => new TerritoryRow(
                m.Name,
                db.Shops.Count(s => s.MunicipalityId == m.Id && s.Status == ShopStatus.Active),
                db.Products.Count(p => p.Shop.MunicipalityId == m.Id && p.IsActive),
                db.Orders.Count(o => o.Shop.MunicipalityId == m.Id && o.PlacedAt >= startOfDay),
                db.Orders.Count(o => o.Shop.MunicipalityId == m.Id && (o.Status == OrderStatus.Placed
                    || o.Status == OrderStatus.Accepted || o.Status == OrderStatus.Preparing
                    || o.Status == OrderStatus.OutForDelivery || o.Status == OrderStatus.ReadyForPickup))))
            .ToListAsync(ct);
        return View(rows);
    }
}

public sealed record TerritoryRow(string Municipality, int ActiveShops, int ActiveProducts, int OrdersToday, int OpenOrders);
