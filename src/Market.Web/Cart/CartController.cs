using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Orders.Checkout;
using Market.Web.Resources;
using Market.Web.Transfer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Cart;

public sealed class CartController(MarketDbContext db, IStringLocalizer<Ui> text) : Controller
{
    /// <summary>The TempData entry that tells the product's card, after a plain form post, to say it was added.</summary>
    public const string AddedProduct = "Added";

    [HttpGet("/carrito")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await LoadAsync(db, CartCookie.Read(Request), ct));

    // Posted from the storefront, which is shared between anonymous visitors and so carries no per-visitor token.
    // The page's script asks for JSON and stays where it is; a plain form post goes back to the product's card.
    [HttpPost("/carrito/agregar")]
    [IgnoreAntiforgeryToken]
    [SameSiteForm]
    [Compressible]
    public async Task<IActionResult> Add(int productId, int quantity = 1, string? returnUrl = null, CancellationToken ct = default)
    {
        var lines = CartCookie.Read(Request).ToList();
        lines.Add(new CartLine(productId, Math.Clamp(quantity, 1, CartPricing.MaxQuantity)));
        var cart = CartPricing.Merge(lines).Select(l => l with { Quantity = Math.Min(l.Quantity, CartPricing.MaxQuantity) }).ToList();
        CartCookie.Write(Response, cart);
        if (Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            var name = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            // Counted as the header counts it, from what the cookie holds.
            var count = cart.Take(CartPricing.MaxLines).Sum(l => l.Quantity);
            return Json(new CartAdded(count, name is null ? text["Cart.Added"].Value : text["Cart.AddedNamed", name, count].Value));
        }
        TempData["Flash"] = "Cart.Added";
        TempData[AddedProduct] = productId;
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
        return new CartView(shops, lines.Count(l => !products.ContainsKey(l.ProductId))) { Products = products };
    }
}

/// <summary>What the storefront's script shows after adding: the header's new count and the words to announce.</summary>
public sealed record CartAdded(int Count, string Message);

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
    /// <summary>The cart's products still on sale, with their shops: what checkout prices the draft orders from.</summary>
    public IReadOnlyDictionary<int, Market.Core.Catalog.Product> Products { get; init; } = new Dictionary<int, Market.Core.Catalog.Product>();

    public bool IsEmpty => Shops.Count == 0;
    public Money Total => Money.Sum(Shops.Select(s => s.Subtotal));
}
