using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Orders.Checkout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Cart;

public sealed class CartController(MarketDbContext db) : Controller
{
    [HttpGet("/carrito")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await LoadAsync(db, CartCookie.Read(Request), ct));

    // Posted from the storefront, which is shared between anonymous visitors and so carries no per-visitor token.
    [HttpPost("/carrito/agregar")]
    [IgnoreAntiforgeryToken]
    [SameSiteForm]
    public IActionResult Add(int productId, int quantity = 1, string? returnUrl = null)
    {
        var lines = CartCookie.Read(Request).ToList();
        lines.Add(new CartLine(productId, Math.Clamp(quantity, 1, CartPricing.MaxQuantity)));
        CartCookie.Write(Response, CartPricing.Merge(lines).Select(l => l with { Quantity = Math.Min(l.Quantity, CartPricing.MaxQuantity) }));
        TempData["Flash"] = "Cart.Added";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/carrito");
    }

    [HttpPost("/carrito/cambiar")]
    public IActionResult Change(int productId, int quantity)
    {
        var lines = CartCookie.Read(Request)
            .Select(l => l.ProductId == productId ? l with { Quantity = Math.Clamp(quantity, 0, CartPricing.MaxQuantity) } : l);
        CartCookie.Write(Response, lines);
        return LocalRedirect("/carrito");
    }

    internal static async Task<CartView> LoadAsync(MarketDbContext db, IReadOnlyList<CartLine> lines, CancellationToken ct)
    {
        var ids = lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Include(p => p.Shop)
            .Where(p => ids.Contains(p.Id) && p.IsActive && p.Shop.Status == ShopStatus.Active)
            .ToDictionaryAsync(p => p.Id, ct);
        var shops = lines.Where(l => products.ContainsKey(l.ProductId))
            .Select(l => new CartViewLine(products[l.ProductId].Id, products[l.ProductId].Name, products[l.ProductId].Unit,
                products[l.ProductId].Price, l.Quantity, products[l.ProductId].Stock, products[l.ProductId].Shop))
            .GroupBy(l => l.Shop.Id)
            .Select(g => new CartViewShop(g.First().Shop, [.. g]))
            .OrderBy(s => s.Shop.Name, SpanishOrder.Names)
            .ToList();
        return new CartView(shops, lines.Count(l => !products.ContainsKey(l.ProductId)));
    }
}

public sealed record CartViewLine(int ProductId, string Name, string Unit, Money UnitPrice, int Quantity, int? Stock, Market.Core.Catalog.Shop Shop)
{
    public Money LineTotal => UnitPrice.Times(Quantity);
    public bool ExceedsStock => Stock is { } s && Quantity > s;
}

public sealed record CartViewShop(Market.Core.Catalog.Shop Shop, IReadOnlyList<CartViewLine> Lines)
{
    public Money Subtotal => Money.Sum(Lines.Select(l => l.LineTotal));
}

public sealed record CartView(IReadOnlyList<CartViewShop> Shops, int Unavailable)
{
    public bool IsEmpty => Shops.Count == 0;
    public Money Total => Money.Sum(Shops.Select(s => s.Subtotal));
}
