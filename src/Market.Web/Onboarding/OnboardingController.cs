using System.Security.Claims;
using Market.Core;
using Market.Admin.ShopApprovals;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Media;
using Market.Core.Ordering;
using Market.Web.Operations;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Onboarding;

/// <summary>A shopkeeper's own shop: registering it, its status ("Mi tienda"), editing it, pausing and resuming it.</summary>
[Authorize]
public sealed class OnboardingController(MarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<Ui> text) : Controller
{
    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpGet("/mi-tienda")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var shops = await db.Shops.AsNoTracking().Include(s => s.Municipality).Where(s => s.OwnerId == Me).OrderBy(s => s.Id).ToListAsync(ct);
        return shops.Count == 0 ? LocalRedirect("/mi-tienda/registrar") : View(shops);
    }

    [AllowAnonymous]
    [HttpGet("/mi-tienda/registrar")]
    public async Task<IActionResult> Register(CancellationToken ct)
    {
        if (Me is not null && await db.Shops.AnyAsync(s => s.OwnerId == Me, ct))
        {
            return LocalRedirect("/mi-tienda");
        }
        var form = new RegisterShopForm();
        if (Me is not null)
        {
            form.Shop.Phone = (await users.GetUserAsync(User))?.PhoneNumber;
        }
        return View(await RegisterPageAsync(form, [], ct));
    }

    [AllowAnonymous]
    [HttpPost("/mi-tienda/registrar")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> Register(RegisterShopForm form, [FromServices] RegisterShopHandler register, CancellationToken ct)
    {
        var result = await register.HandleAsync(new RegisterShop(Me, form.Account, form.Shop), ct);
        if (result.AlreadyHasShop)
        {
            return LocalRedirect("/mi-tienda");
        }
        if (result.Owner is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await RegisterPageAsync(form, result.Errors, ct));
        }
        if (result.NewOwner)
        {
            await signIn.SignInAsync(result.Owner, isPersistent: true);
        }
        else
        {
            // The cookie must carry the new Shopkeeper role.
            await signIn.RefreshSignInAsync(result.Owner);
        }
        TempData["Flash"] = "Onboarding.Registered";
        return LocalRedirect("/mi-tienda");
    }

    [HttpGet("/mi-tienda/{id:int}/editar")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var shop = await MyShop(id).Include(s => s.Hours).SingleOrDefaultAsync(ct);
        return shop is null ? NotFound() : View(await EditPageAsync(shop, ShopDetails.From(shop), [], ct));
    }

    [HttpPost("/mi-tienda/{id:int}/editar")]
    public async Task<IActionResult> Edit(int id, ShopDetails shop, [FromServices] EditShopHandler editShop, CancellationToken ct)
    {
        var result = await editShop.HandleAsync(new EditShop(Me!, id, shop), ct);
        if (!result.Found)
        {
            return NotFound();
        }
        if (result.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await EditPageAsync(await MyShop(id).SingleAsync(ct), shop, result.Errors, ct));
        }
        TempData["Flash"] = "Onboarding.Saved";
        return LocalRedirect("/mi-tienda");
    }

    [HttpPost("/mi-tienda/{id:int}/pausar")]
    public Task<IActionResult> Pause(int id, CancellationToken ct) => MoveAsync(id, s => s.Pause(), "Onboarding.Paused", ct);

    [HttpPost("/mi-tienda/{id:int}/reanudar")]
    public Task<IActionResult> Resume(int id, CancellationToken ct) => MoveAsync(id, s => s.Resume(), "Onboarding.Resumed", ct);

    private async Task<IActionResult> MoveAsync(int id, Action<Shop> move, string done, CancellationToken ct)
    {
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.Id == id && s.OwnerId == Me, ct);
        if (shop is null)
        {
            return NotFound();
        }
        try
        {
            move(shop);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = done;
        }
        catch (DomainException e)
        {
            TempData["Error"] = Messages.Format(text, e.MessageKey, e.Args);
        }
        return LocalRedirect("/mi-tienda");
    }

    private IQueryable<Shop> MyShop(int id) => db.Shops.AsNoTracking().Where(s => s.Id == id && s.OwnerId == Me);

    private async Task<RegisterPage> RegisterPageAsync(RegisterShopForm form, IReadOnlyList<FieldError> errors, CancellationToken ct) =>
        new(form, Me is null, await MunicipalitiesAsync(ct), errors);

    private async Task<EditPage> EditPageAsync(Shop shop, ShopDetails form, IReadOnlyList<FieldError> errors, CancellationToken ct) =>
        new(shop, form, await MunicipalitiesAsync(ct), errors);

    private async Task<IReadOnlyList<MunicipalityChoice>> MunicipalitiesAsync(CancellationToken ct) =>
        [.. (await db.Municipalities.Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct)).OrderBy(m => m.Name, SpanishOrder.Names)];

    /// <summary>The optional logo, through the same photo pipeline as product photos.</summary>
    [HttpPost("/mi-tienda/{id:int}/logo")]
    [RequestSizeLimit(16 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
    public async Task<IActionResult> Logo(int id, IFormFile? logo, [FromServices] PhotoPipeline pipeline, CancellationToken ct)
    {
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.Id == id && s.OwnerId == Me, ct);
        if (shop is null)
        {
            return NotFound();
        }
        if (logo is null || logo.Length == 0)
        {
            TempData["Error"] = text["Photo.Missing"].Value;
            return LocalRedirect("/mi-tienda");
        }
        await using var upload = logo.OpenReadStream();
        var result = await pipeline.ProcessAsync(upload, ct);
        if (!result.IsStored)
        {
            TempData["Error"] = text[result.RefusalKey].Value;
            return LocalRedirect("/mi-tienda");
        }
        shop.LogoHash = result.Photo.Hash;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Onboarding.LogoSaved";
        return LocalRedirect("/mi-tienda");
    }
}
