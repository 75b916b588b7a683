using System.Security.Claims;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Nearby;
using Market.Web.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Nearby;

public sealed class NearbyController(MarketDbContext db, FindLocation find, SetLocationHandler setLocation, StorefrontDirectory directory, TimeProvider clock)
    : Controller
{
    private const int ShopPageSize = 30;

    [HttpGet("/ubicacion")]
    public async Task<IActionResult> Location(string? volver, CancellationToken ct) =>
        View(await FormAsync(new LocationForm { Volver = volver }, await find.ForAsync(Request, User, ct), null, ct));

    [HttpPost("/ubicacion")]
    public async Task<IActionResult> Location(LocationForm form, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var (location, error) = await setLocation.HandleAsync(
            new SetLocation(form.Colonia, form.Lat, form.Lng, form.Guardar && userId is not null, userId), ct);
        if (location is null)
        {
            return View(await FormAsync(form, null, error, ct));
        }
        if (form.Recordar)
        {
            LocationCookie.Write(Response, location);
        }
        var target = Url.IsLocalUrl(form.Volver) ? form.Volver : "/tiendas";
        // Not remembered: the location travels in the address of the next page, and nowhere else.
        return LocalRedirect(form.Recordar || form.Guardar && userId is not null
            ? target
            : target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + location.QueryString);
    }

    [HttpPost("/ubicacion/olvidar")]
    public IActionResult Forget()
    {
        LocationCookie.Forget(Response);
        TempData["Flash"] = "Nearby.Forgotten";
        return LocalRedirect("/ubicacion");
    }

    [HttpGet("/tiendas")]
    public async Task<IActionResult> Shops(bool entrega, bool retiro, bool abierto, int radio = 5, int pagina = 1, CancellationToken ct = default)
    {
        var location = await find.ForAsync(Request, User, ct);
        radio = BrowseForm.Radii.Contains(radio) ? radio : 5;
        pagina = Math.Clamp(pagina, 1, 1000);
        var now = clock.GetUtcNow();
        // The active shops the storefront keeps (ADR 0008): a few thousand distances in memory, no query.
        var rows = (await directory.GetAsync()).Shops.Values
            .Select(s => new ShopRow(s.Id, s.Name, s.Kind, s.Municipality.Name, s.LogoHash, Proximity.Of(s, location, now)))
            .Where(r => location is null || r.Near.DistanceKm <= radio)
            .Where(r => !entrega || r.Near.DeliversHere)
            .Where(r => !retiro || r.Near.OffersPickup)
            .Where(r => !abierto || r.Near.OpenNow)
            .OrderBy(r => r.Near.DistanceKm ?? 0).ThenBy(r => r.Name, Market.Core.SpanishOrder.Names)
            .ToList();
        return View(new ShopList(rows.Skip((pagina - 1) * ShopPageSize).Take(ShopPageSize).ToList(), rows.Count, pagina,
            (rows.Count + ShopPageSize - 1) / ShopPageSize, location, new BrowseForm { Entrega = entrega, Retiro = retiro, Abierto = abierto, Radio = radio }));
    }

    private async Task<LocationPage> FormAsync(LocationForm form, ResidentLocation? current, string? error, CancellationToken ct)
    {
        var places = await db.Neighbourhoods.AsNoTracking()
            .Select(n => new { n.Id, n.Name, Municipality = n.Municipality.Name })
            .ToListAsync(ct);
        var order = Market.Core.SpanishOrder.Names;
        var groups = places.GroupBy(p => p.Municipality).OrderBy(g => g.Key, order)
            .Select(g => new NeighbourhoodGroup(g.Key, [.. g.OrderBy(p => p.Name, order).Select(p => new Option(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))]))
            .ToList();
        return new LocationPage(form, groups, current, error, User.Identity?.IsAuthenticated == true);
    }
}

public sealed record LocationForm
{
    public int? Colonia { get; init; }
    public string? Lat { get; init; }
    public string? Lng { get; init; }
    public bool Recordar { get; init; }
    public bool Guardar { get; init; }
    public string? Volver { get; init; }
}

public sealed record NeighbourhoodGroup(string Municipality, IReadOnlyList<Option> Neighbourhoods);

public sealed record LocationPage(LocationForm Form, IReadOnlyList<NeighbourhoodGroup> Groups, ResidentLocation? Current, string? Error, bool SignedIn);

public sealed record ShopRow(int Id, string Name, ShopKind Kind, string Municipality, string? LogoHash, Proximity Near);

public sealed record ShopList(IReadOnlyList<ShopRow> Shops, int Total, int Page, int Pages, ResidentLocation? Location, BrowseForm Form);
