using Market.Core.Catalog;
using Market.Core.Data;
using Market.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Storefront;

public sealed class StorefrontController(MarketDbContext db) : Controller
{
    private const int PageSize = 24;

    [HttpGet("/")]
    public async Task<IActionResult> Index(string? municipio, string? categoria, int pagina = 1, CancellationToken ct = default)
    {
        pagina = Math.Clamp(pagina, 1, 1000);
        var products = Visible(db.Products);
        if (!string.IsNullOrEmpty(municipio))
        {
            products = products.Where(p => p.Shop.Municipality.Code == municipio);
        }
        if (!string.IsNullOrEmpty(categoria))
        {
            products = products.Where(p => p.Category.Slug == categoria);
        }
        var total = await products.CountAsync(ct);
        var page = await Cards(products.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((pagina - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        var filters = new CatalogFilters(
            await db.Municipalities.OrderBy(m => m.Name).Select(m => new Option(m.Code, m.Name)).ToListAsync(ct),
            await db.Categories.OrderBy(c => c.Name).Select(c => new Option(c.Slug, c.Name)).ToListAsync(ct),
            municipio, categoria);
        return View(new StorefrontPage(page, filters, pagina, (total + PageSize - 1) / PageSize, total));
    }

    [HttpGet("/productos/{id:int}")]
    public async Task<IActionResult> Product(int id, CancellationToken ct)
    {
        var card = await Cards(Visible(db.Products).Where(p => p.Id == id)).SingleOrDefaultAsync(ct);
        if (card is null)
        {
            return NotFound();
        }
        var description = await db.Products.Where(p => p.Id == id).Select(p => p.Description).SingleAsync(ct);
        return View(new ProductPage(card, description));
    }

    [HttpGet("/tiendas/{id:int}")]
    public async Task<IActionResult> Shop(int id, CancellationToken ct)
    {
        var shop = await db.Shops.AsNoTracking().Include(s => s.Municipality).Include(s => s.Hours)
            .SingleOrDefaultAsync(s => s.Id == id && s.Status == ShopStatus.Active, ct);
        if (shop is null)
        {
            return NotFound();
        }
        var products = await Cards(Visible(db.Products).Where(p => p.ShopId == id).OrderBy(p => p.Category.Name).ThenBy(p => p.Name)).ToListAsync(ct);
        return View(new ShopPage(shop, products));
    }

    internal static IQueryable<Product> Visible(IQueryable<Product> products) =>
        products.Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active);

    internal static IQueryable<ProductCard> Cards(IQueryable<Product> products) =>
        products.Select(p => new ProductCard(p.Id, p.Name, p.Unit, p.Price, p.Stock, p.IsLocal, p.Category.Name,
            p.ShopId, p.Shop.Name, p.Shop.Municipality.Name,
            // Three scalar subqueries rather than one row: SQLite cannot join a "first photo" row (no APPLY).
            p.Photos.Any()
                ? new PhotoView(
                    p.Photos.OrderBy(ph => ph.Position).Select(ph => ph.Hash).First(),
                    p.Photos.OrderBy(ph => ph.Position).Select(ph => ph.ThumbWidth).First(),
                    p.Photos.OrderBy(ph => ph.Position).Select(ph => ph.ThumbHeight).First(),
                    p.Name)
                : null));
}
