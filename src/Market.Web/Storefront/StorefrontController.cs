using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Web.Nearby;
using Market.Web.Shared;
using Market.Web.Transfer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Storefront;

[Compressible]
public sealed class StorefrontController(MarketDbContext db, FindLocation find, BrowseProductsHandler browse, StorefrontDirectory directory) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = StorefrontCachePolicy.Name)]
    public async Task<IActionResult> Index(string? municipio, string? categoria, BrowseForm form, int pagina = 1, CancellationToken ct = default)
    {
        pagina = Math.Clamp(pagina, 1, 1000);
        var location = await find.ForAsync(Request, User, ct);
        if (!BrowseForm.Radii.Contains(form.Radio))
        {
            form = form with { Radio = 5 };
        }
        // A price that does not read as money is ignored rather than refused: the list still shows, the field keeps the text.
        var results = await browse.HandleAsync(new BrowseProducts(form.Q, municipio, categoria, form.Entrega, form.Retiro, form.Abierto,
            form.Local, Money.TryParse(form.Min, out var min) ? min : null, Money.TryParse(form.Max, out var max) ? max : null,
            form.Radio, pagina, location, form.Mercado), ct);
        var shops = await directory.GetAsync();
        var filters = new CatalogFilters(shops.Municipalities, shops.Categories, municipio, categoria);
        var pages = (results.Total + BrowseProductsHandler.PageSize - 1) / BrowseProductsHandler.PageSize;
        return View(new StorefrontPage(results.Products, filters, pagina, pages, results.Total)
        {
            Form = form,
            Location = location,
            NearbyCategories = results.NearbyCategories,
            NextMarket = results.NextMarket,
        });
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
        var photos = await db.ProductPhotos.AsNoTracking().Where(ph => ph.ProductId == id).OrderBy(ph => ph.Position).ToListAsync(ct);
        return View(new ProductPage(card, description, photos));
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
        products.Select(p => new ProductCard(p.Id, p.Name, p.Unit, p.Price, p.Stock, p.IsLocal, p.Category.Name, p.Category.Slug,
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
