using System.Globalization;
using System.Security.Claims;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Core.Payments;
using Market.Orders.Fulfilling;
using Market.Orders.Payments;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Payments;

public sealed class PaymentsController(MarketDbContext db, IStringLocalizer<Ui> text, Market.Admin.Staff.AuditTrail audit) : Controller
{
    private const int ShownLines = 200;

    /// <summary>Whoever holds the order's code pays it, as whoever holds it may follow or cancel it.</summary>
    [HttpPost("/pedidos/{code}/pagar")]
    public async Task<IActionResult> Pay(string code, [FromServices] StartCardPaymentHandler start, CancellationToken ct)
    {
        var result = await start.HandleAsync(new StartCardPayment(code, SiteAddress.Of(Request)), ct);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.PaymentUrl is { } url)
        {
            return Redirect(url);
        }
        TempData["Error"] = text[result.MessageKey!].Value;
        return LocalRedirect($"/pedidos/{code}");
    }

    [HttpPost("/pedidos/{code}/efectivo")]
    public async Task<IActionResult> PayCash(string code, [FromServices] SwitchToCashHandler switchToCash, CancellationToken ct)
    {
        var result = await switchToCash.HandleAsync(new SwitchToCash(code), ct);
        if (result.Outcome == AdvanceOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.MessageKey is not null)
        {
            TempData["Error"] = Messages.Format(text, result.MessageKey, result.Args);
        }
        return LocalRedirect($"/pedidos/{code}");
    }

    [Authorize(Roles = Roles.Shopkeeper)]
    [HttpGet("/tienda/cuenta")]
    public async Task<IActionResult> Account(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var shops = await db.Shops.AsNoTracking().Where(s => s.OwnerId == me).OrderBy(s => s.Id).ToListAsync(ct);
        var accounts = new List<ShopAccount>();
        foreach (var shop in shops)
        {
            var lines = await db.Ledger.AsNoTracking().Where(l => l.ShopId == shop.Id).ToListAsync(ct);
            accounts.Add(ShopAccount.From(shop.Name, lines, ShownLines));
        }
        return View(accounts);
    }

    [Authorize(Roles = Roles.MetroStaff)]
    [HttpGet("/admin/liquidaciones")]
    public async Task<IActionResult> Settlements(CancellationToken ct) =>
        View(await SettlementPageAsync(new SettlementForm(), [], ct));

    [Authorize(Roles = Roles.MetroStaff)]
    [HttpGet("/admin/liquidaciones/csv")]
    public async Task<IActionResult> SettlementCsv([FromQuery] SettlementForm form, CancellationToken ct)
    {
        var errors = new List<string>();
        var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.Tienda, ct);
        if (shop is null)
        {
            errors.Add(text["Payments.Settlement.ChooseShop"]);
        }
        var from = Day(form.Desde);
        var to = Day(form.Hasta);
        if (from is null || to is null || to < from || to.Value.DayNumber - from.Value.DayNumber > 366)
        {
            errors.Add(text["Payments.Settlement.BadPeriod"]);
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Settlements", await SettlementPageAsync(form, errors, ct));
        }
        var start = ElSalvadorTime.ToUtc(from!.Value, TimeOnly.MinValue);
        var end = ElSalvadorTime.ToUtc(to!.Value.AddDays(1), TimeOnly.MinValue);
        var lines = await db.Ledger.AsNoTracking()
            .Where(l => l.ShopId == shop!.Id && l.RecordedAt >= start && l.RecordedAt < end).ToListAsync(ct);
        // A shop's money leaves the platform in this file: who took it, and when, is kept.
        audit.Record("settlement.export", $"shop:{shop!.Id}", shop.MunicipalityId, null, new { From = from, To = to, Lines = lines.Count });
        await db.SaveChangesAsync(ct);
        return File(Core.Payments.SettlementCsv.Write(lines.OrderBy(l => l.RecordedAt).ThenBy(l => l.Id)), "text/csv; charset=utf-8",
            Core.Payments.SettlementCsv.FileName(shop!.Name, from.Value, to.Value));
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private async Task<SettlementPage> SettlementPageAsync(SettlementForm form, IReadOnlyList<string> errors, CancellationToken ct)
    {
        var shops = await db.Shops.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return new SettlementPage(form, [.. shops.OrderBy(s => s.Name, SpanishOrder.Names).Select(s => (s.Id, s.Name))], errors);
    }
}

public sealed record ShopAccount(string ShopName, Money Balance, Money CardSales, Money CashSales, Money Refunds, Money Commission,
    IReadOnlyList<LedgerEntry> Lines)
{
    public static ShopAccount From(string shopName, IReadOnlyList<LedgerEntry> lines, int shown)
    {
        Money Of(params LedgerKind[] kinds) => Money.Sum(lines.Where(l => kinds.Contains(l.Kind)).Select(l => l.Amount));
        return new(shopName, Money.Sum(lines.Where(l => l.CountsInBalance).Select(l => l.Amount)),
            Of(LedgerKind.CardSale), Of(LedgerKind.CashSale), Of(LedgerKind.Refund), Of(LedgerKind.Commission, LedgerKind.CommissionRefund),
            [.. lines.OrderByDescending(l => l.RecordedAt).ThenByDescending(l => l.Id).Take(shown)]);
    }
}

/// <summary>Query names are Spanish because they are the address staff bookmark.</summary>
public sealed class SettlementForm
{
    public int Tienda { get; set; }
    public string? Desde { get; set; }
    public string? Hasta { get; set; }
}

public sealed record SettlementPage(SettlementForm Form, IReadOnlyList<(int Id, string Name)> Shops, IReadOnlyList<string> Errors);
