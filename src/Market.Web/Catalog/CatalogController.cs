using System.Security.Claims;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Web.Resources;
using Market.Web.Storefront;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Catalog;

/// <summary>The shopkeeper's own catalog: a list built for quick changes on a phone, and the product form.</summary>
[Authorize(Roles = Roles.Shopkeeper)]
public sealed class CatalogController(MarketDbContext db, SaveProductHandler save, QuickEditHandler quick, ProductPhotosHandler photos,
    IStringLocalizer<Ui> text) : Controller
{
    /// <summary>The photo limit (15 MB) plus room for the form around it.</summary>
    private const int UploadLimit = 16 * 1024 * 1024;

    /// <summary>A new product with as many full-size photos as a product may have.</summary>
    private const int NewProductLimit = ProductPhotosHandler.MaxPhotos * Market.Core.Media.PhotoPipeline.MaxBytes + 1024 * 1024;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("/tienda/catalogo")]
    public async Task<IActionResult> Index(int? tienda, CancellationToken ct)
    {
        var shops = await db.Shops.Where(s => s.OwnerId == Me).OrderBy(s => s.Name)
            .Select(s => new Option(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name)).ToListAsync(ct);
        var shop = tienda is { } id ? shops.FirstOrDefault(s => s.Value == id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : shops.FirstOrDefault();
        if (shop is null)
        {
            return tienda is null ? View("NoShop") : NotFound();
        }
        var shopId = int.Parse(shop.Value, System.Globalization.CultureInfo.InvariantCulture);
        var products = await db.Products.Where(p => p.ShopId == shopId).OrderBy(p => p.Name)
            .Select(p => new CatalogRow(p.Id, p.Name, p.Unit, p.Category.Name, p.Price, p.Stock, p.IsActive, p.Sku))
            .ToListAsync(ct);
        return View(new CatalogPage(shops, shopId, shop.Label, products));
    }

    [HttpPost("/tienda/catalogo/{id:int}/rapido")]
    public async Task<IActionResult> Quick(int id, string? price, bool tracksStock, int? stock, int tienda, CancellationToken ct)
    {
        var (found, problem) = await quick.HandleAsync(new QuickEdit(Me, id, price, tracksStock, stock), ct);
        if (!found)
        {
            return NotFound();
        }
        TempData[problem is null ? "Flash" : "Error"] = problem is null ? "Catalog.Saved" : text[problem].Value;
        TempData["Row"] = id;
        return LocalRedirect($"/tienda/catalogo?tienda={tienda}#producto-{id}");
    }

    [HttpGet("/tienda/catalogo/nuevo")]
    public async Task<IActionResult> New(int tienda, CancellationToken ct) =>
        await FormAsync(null, new ProductForm { ShopId = tienda }, ct);

    [HttpGet("/tienda/catalogo/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Shop.OwnerId == Me, ct);
        return product is null ? NotFound() : await FormAsync(id, ProductForm.From(product), ct);
    }

    [HttpPost("/tienda/catalogo/nuevo")]
    [RequestSizeLimit(NewProductLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = NewProductLimit)]
    public async Task<IActionResult> Create(ProductForm form, List<IFormFile> fotos, CancellationToken ct)
    {
        var uploads = fotos.Where(f => f.Length > 0).Select(f => f.OpenReadStream()).ToList();
        try
        {
            return await SaveAsync(null, form, ct, uploads);
        }
        finally
        {
            uploads.ForEach(u => u.Dispose());
        }
    }

    [HttpPost("/tienda/catalogo/{id:int}")]
    public Task<IActionResult> Update(int id, ProductForm form, CancellationToken ct) => SaveAsync(id, form, ct);

    [HttpPost("/tienda/catalogo/{id:int}/fotos")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> AddPhoto(int id, IFormFile? foto, CancellationToken ct)
    {
        if (foto is null || foto.Length == 0)
        {
            TempData["Error"] = text["Photo.Missing"].Value;
            return LocalRedirect($"/tienda/catalogo/{id}#fotos");
        }
        await using var upload = foto.OpenReadStream();
        var (found, refusal) = await photos.AddAsync(Me, id, upload, ct);
        if (!found)
        {
            return NotFound();
        }
        TempData[refusal is null ? "Flash" : "Error"] = refusal is null ? "Photo.Added" : text[refusal].Value;
        return LocalRedirect($"/tienda/catalogo/{id}#fotos");
    }

    [HttpPost("/tienda/catalogo/{id:int}/fotos/{photoId:int}/{change}")]
    public async Task<IActionResult> ChangePhoto(int id, int photoId, PhotoChange change, CancellationToken ct) =>
        await photos.ChangeAsync(Me, id, photoId, change, ct) ? LocalRedirect($"/tienda/catalogo/{id}#fotos") : NotFound();

    private async Task<IActionResult> SaveAsync(int? id, ProductForm form, CancellationToken ct, IReadOnlyList<Stream>? photos = null)
    {
        var result = await save.HandleAsync(new SaveProduct(Me, form.ShopId, id, form.ToInput()) { NewPhotos = photos ?? [] }, ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Problems.Count == 0)
        {
            TempData["Flash"] = "Catalog.Saved";
            return LocalRedirect($"/tienda/catalogo?tienda={form.ShopId}#producto-{result.Product!.Id}");
        }
        foreach (var (field, key) in result.Problems)
        {
            ModelState.AddModelError(field, text[key]);
        }
        if (photos is { Count: > 0 })
        {
            ModelState.AddModelError(SaveProductHandler.Photos, text["Catalog.ChoosePhotosAgain"]);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await FormAsync(id, form, ct);
    }

    private async Task<IActionResult> FormAsync(int? id, ProductForm form, CancellationToken ct)
    {
        var shopName = await db.Shops.Where(s => s.Id == form.ShopId && s.OwnerId == Me).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (shopName is null)
        {
            return NotFound();
        }
        var categories = await db.Categories.OrderBy(c => c.Name)
            .Select(c => new Option(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name)).ToListAsync(ct);
        var current = id is null ? [] : await db.ProductPhotos.Where(p => p.ProductId == id).OrderBy(p => p.Position).ToListAsync(ct);
        return View("Form", new ProductFormPage(id, shopName, form, categories, current));
    }
}
