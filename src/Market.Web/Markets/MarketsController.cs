using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Nearby;
using Market.Web.Storefront;
using Market.Web.Transfer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Web.Markets;

/// <summary>Upcoming market days for residents: where, when, which vendors and what they sell; and the public calendar feeds.</summary>
[Compressible]
public sealed class MarketsController(MarketDbContext db, TimeProvider clock, StorefrontDirectory directory) : Controller
{
    private const int DaysAhead = 28;

    [HttpGet("/mercados")]
    public async Task<IActionResult> Index(string? municipio, double? lat, double? lng, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(DaysAhead);
        var days = db.MarketDays.Where(d => d.EndsAt > now && d.StartsAt < until);
        if (!string.IsNullOrEmpty(municipio))
        {
            days = days.Where(d => d.PublicSpace.Municipality.Code == municipio);
        }
        var rows = await days.OrderBy(d => d.StartsAt).Take(200)
            .Select(d => new UpcomingDay(d.Id, d.Date, d.Opens, d.Closes, d.Status, d.ChangeReason, d.PublicSpace.Name, d.PublicSpace.Kind,
                d.PublicSpace.Address, d.PublicSpace.Municipality.Name, d.PublicSpace.Latitude, d.PublicSpace.Longitude, null,
                db.StallApplications.Where(a => a.MarketDayId == d.Id && a.Status == StallApplicationStatus.Approved)
                    .OrderBy(a => a.StallNumber).Select(a => a.Shop.Name).ToList()))
            .ToListAsync(ct);
        if (lat is { } la && lng is { } lo && GeoPoint.IsValid(la, lo))
        {
            // By distance first, then by date: the nearest market, its next day first.
            rows = [.. rows.Select(r => r with { DistanceKm = new GeoPoint(r.Latitude, r.Longitude).DistanceKm(new GeoPoint(la, lo)) })
                .OrderBy(r => Math.Round(r.DistanceKm!.Value, 1)).ThenBy(r => r.Date).ThenBy(r => r.Opens)];
        }
        return View(new MarketsPage(rows, (await directory.GetAsync()).Municipalities, municipio, lat, lng));
    }

    [HttpGet("/mercados/{id:int}")]
    public async Task<IActionResult> Day(int id, CancellationToken ct)
    {
        var day = await db.MarketDays.AsNoTracking().Include(d => d.PublicSpace).ThenInclude(s => s.Municipality)
            .SingleOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return NotFound();
        }
        var stalls = await db.StallApplications.Where(a => a.MarketDayId == id && a.Status == StallApplicationStatus.Approved)
            .OrderBy(a => a.StallNumber).Select(a => new { a.ShopId, a.Shop.Name, a.StallNumber }).ToListAsync(ct);
        var shopIds = stalls.Select(s => s.ShopId).ToList();
        var products = await StorefrontController.Cards(StorefrontController.Visible(db.Products).Where(p => shopIds.Contains(p.ShopId))
            .OrderBy(p => p.Name)).ToListAsync(ct);
        var vendors = stalls.Select(s => new VendorAtMarket(s.ShopId, s.Name, s.StallNumber!.Value, [.. products.Where(p => p.ShopId == s.ShopId)])).ToList();
        var orderable = day.Status == MarketDayStatus.Scheduled && day.EndsAt > clock.GetUtcNow();
        return View(new MarketDayPage(day, vendors, orderable));
    }

    [HttpGet("/mercados/calendario/{code}.ics")]
    public async Task<IActionResult> MunicipalityCalendar(string code, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, ct);
        return municipality is null
            ? NotFound()
            : await CalendarAsync(db.MarketDays.Where(d => d.PublicSpace.MunicipalityId == municipality.Id), "Mercados de " + municipality.Name, ct);
    }

    [HttpGet("/mercados/espacios/{id:int}.ics")]
    public async Task<IActionResult> SpaceCalendar(int id, CancellationToken ct)
    {
        var space = await db.PublicSpaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return space is null ? NotFound() : await CalendarAsync(db.MarketDays.Where(d => d.PublicSpaceId == id), space.Name, ct);
    }

    private async Task<IActionResult> CalendarAsync(IQueryable<MarketDay> days, string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = now.AddDays(-MarketCalendar.PastDays);
        var until = now.AddDays(MarketCalendar.FutureDays);
        var window = days.AsNoTracking().Where(d => d.StartsAt >= from && d.StartsAt < until);
        var single = await window.Where(d => d.SeriesId == null).Include(d => d.PublicSpace).ThenInclude(s => s.Municipality)
            .OrderBy(d => d.StartsAt).ToListAsync(ct);
        var seriesIds = await window.Where(d => d.SeriesId != null).Select(d => d.SeriesId!.Value).Distinct().ToListAsync(ct);
        // Every day of a series written as a rule, inside the window or not, so that each exception to the rule is written too.
        var seriesDays = await db.MarketDays.AsNoTracking().Include(d => d.PublicSpace).ThenInclude(s => s.Municipality)
            .Where(d => d.SeriesId != null && seriesIds.Contains(d.SeriesId.Value)).ToListAsync(ct);
        var series = await db.MarketSeries.AsNoTracking().Where(s => seriesIds.Contains(s.Id)).ToListAsync(ct);
        var ics = MarketCalendar.Write(name, [.. single, .. seriesDays], series,
            new Uri($"{Request.Scheme}://{Request.Host}"), now);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}

public sealed record UpcomingDay(int Id, DateOnly Date, TimeOnly Opens, TimeOnly Closes, MarketDayStatus Status, string? Reason, string Space,
    PublicSpaceKind Kind, string Address, string Municipality, double Latitude, double Longitude, double? DistanceKm, IReadOnlyList<string> Vendors);

public sealed record MarketsPage(IReadOnlyList<UpcomingDay> Days, IReadOnlyList<Option> Municipalities, string? Municipality, double? Latitude, double? Longitude);

public sealed record VendorAtMarket(int ShopId, string Name, int Stall, IReadOnlyList<ProductCard> Products);

public sealed record MarketDayPage(MarketDay Day, IReadOnlyList<VendorAtMarket> Vendors, bool Orderable);
