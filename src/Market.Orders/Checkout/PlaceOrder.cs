using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Market.Core;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Market.Orders.Payments;
using Market.Orders.Queue;
using Market.Orders.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Market.Orders.Checkout;

/// <param name="MarketDayId">Pickup at the vendor's stall on that market day.</param>
public sealed record ShopChoice(int ShopId, Fulfilment Fulfilment, Money? CashTendered,
    PaymentMethod Payment = PaymentMethod.CashOnDelivery, int? MarketDayId = null);

/// <summary>A checkout: the cart (product and quantity only, never a price), contact, and per shop how to receive and pay.</summary>
/// <param name="BrowserId">A guest's cart identity (the HTML checkout's browser); null for a call with no identity of its own.</param>
public sealed record PlaceOrder(
    string IdempotencyKey,
    string? ResidentId,
    string? BrowserId,
    CustomerContact Customer,
    IReadOnlyList<CartLine> Lines,
    IReadOnlyList<ShopChoice> Shops);

public sealed record CheckoutError(string Field, string MessageKey, params object[] Args);

public sealed record PlaceOrderResult(IReadOnlyList<Order> Orders, IReadOnlyList<CheckoutError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static PlaceOrderResult Failed(params CheckoutError[] errors) => new([], errors);
}

public sealed class PlaceOrderHandler(MarketDbContext db, TimeProvider clock, OutboxSignal outbox, OrdersMetrics metrics,
    ILogger<PlaceOrderHandler> logger, IOptions<PaymentsOptions> payments)
{
    /// <summary>The message when a key comes back with a different request: the caller must use a new key.</summary>
    public const string KeyReused = "Checkout.KeyReused";

    public async Task<PlaceOrderResult> HandleAsync(PlaceOrder command, CancellationToken ct)
    {
        var errors = Validate(command, out var customer);
        if (errors.Count > 0)
        {
            return new([], errors);
        }

        var key = KeyOf(command, customer);
        if (await OrdersWithKey(key, ct) is { Count: > 0 } previous)
        {
            return Replay(previous, key);
        }

        var lines = CartPricing.Merge(command.Lines);
        var ids = lines.Select(l => l.ProductId).ToList();
        var catalog = await db.Products.AsNoTracking().Include(p => p.Shop)
            .Where(p => ids.Contains(p.Id) && p.IsActive && p.Shop.Status == ShopStatus.Active)
            .ToDictionaryAsync(p => p.Id, ct);
        errors = [.. CheckAvailability(lines, catalog)];
        var choices = command.Shops.ToDictionary(s => s.ShopId);
        errors.AddRange(catalog.Values.Select(p => p.Shop).DistinctBy(s => s.Id)
            .Where(s => !choices.ContainsKey(s.Id))
            .Select(s => new CheckoutError($"shop-{s.Id}", "Checkout.ChooseFulfilment", s.Name)));
        if (errors.Count > 0)
        {
            return new([], errors);
        }

        var now = clock.GetUtcNow();
        var orders = new List<Order>();
        foreach (var draft in CartPricing.Split(lines, catalog, shop => choices[shop.Id].Fulfilment))
        {
            try
            {
                orders.Add(Order.Place(draft, key, command.ResidentId, customer, choices[draft.Shop.Id].CashTendered, now,
                    choices[draft.Shop.Id].Payment));
            }
            catch (DomainException ex)
            {
                errors.Add(new CheckoutError($"shop-{draft.Shop.Id}", ex.MessageKey, [.. ex.Args]));
            }
        }
        errors.AddRange(await PickUpAtMarketsAsync(orders, choices, now, ct));
        return errors.Count > 0 ? new([], errors) : await SaveAsync(key, lines, catalog, orders, ct);
    }

    private async Task<PlaceOrderResult> SaveAsync(CheckoutKey key, IReadOnlyList<CartLine> lines, Dictionary<int, Product> catalog,
        List<Order> orders, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var line in lines)
        {
            // The conditional update is what makes overselling impossible, whatever the reads above saw.
            var quantity = line.Quantity;
            var reserved = await db.Products
                .Where(p => p.Id == line.ProductId && (p.Stock == null || p.Stock >= quantity))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock == null ? null : p.Stock - quantity), ct);
            if (reserved == 0)
            {
                await tx.RollbackAsync(ct);
                return PlaceOrderResult.Failed(new CheckoutError($"product-{line.ProductId}", "Checkout.OutOfStock", catalog[line.ProductId].Name));
            }
        }
        db.Orders.AddRange(orders);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same checkout was submitted twice at once and the other submission won: answer with its orders.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Replay(await OrdersWithKey(key, ct), key);
        }
        outbox.Pulse();
        metrics.OrdersPlaced(orders.Count);
        foreach (var order in orders)
        {
            using (logger.BeginScope("Order {OrderCode}", order.Code))
            {
                logger.LogInformation("Order placed for shop {ShopId}, total {TotalCents} cents", order.ShopId, order.Total.Cents);
            }
        }
        return new(orders, []);
    }

    /// <summary>An order for pickup at a market needs the vendor's approved stall on a day still to come.</summary>
    private async Task<List<CheckoutError>> PickUpAtMarketsAsync(List<Order> orders, Dictionary<int, ShopChoice> choices, DateTimeOffset now,
        CancellationToken ct)
    {
        var errors = new List<CheckoutError>();
        foreach (var order in orders)
        {
            if (choices[order.ShopId].MarketDayId is not { } dayId)
            {
                continue;
            }
            if (!await db.StallApplications.AnyAsync(a => a.MarketDayId == dayId && a.ShopId == order.ShopId
                && a.Status == StallApplicationStatus.Approved && a.MarketDay.Status == MarketDayStatus.Scheduled && a.MarketDay.EndsAt > now, ct))
            {
                errors.Add(new CheckoutError($"shop-{order.ShopId}", "Checkout.MarketDayUnavailable"));
                continue;
            }
            try
            {
                order.PickUpAtMarket(dayId);
            }
            catch (DomainException ex)
            {
                errors.Add(new CheckoutError($"shop-{order.ShopId}", ex.MessageKey, [.. ex.Args]));
            }
        }
        return errors;
    }

    private Task<List<Order>> OrdersWithKey(CheckoutKey key, CancellationToken ct) =>
        db.Orders.AsNoTracking().Include(o => o.Shop).Include(o => o.Items)
            .Where(o => o.IdempotencyScope == key.Scope && o.IdempotencyKey == key.Key).OrderBy(o => o.Shop.Name).ToListAsync(ct);

    /// <summary>The caller's own earlier checkout with this key: its orders again, unless it asked for something else then.</summary>
    private static PlaceOrderResult Replay(List<Order> previous, CheckoutKey key) =>
        previous.TrueForAll(o => o.RequestHash == key.RequestHash)
            ? new(previous, [])
            : PlaceOrderResult.Failed(new CheckoutError("", KeyReused));

    /// <summary>
    /// A key belongs to its caller: the account, else the guest's browser, else (an anonymous API call, which has no identity)
    /// the request itself, so only someone who already knows every field of the request gets its orders back.
    /// </summary>
    private static CheckoutKey KeyOf(PlaceOrder command, CustomerContact customer)
    {
        var hash = RequestHash(command, customer);
        var scope = command.ResidentId is { } resident ? "cuenta:" + resident
            : command.BrowserId is { Length: > 0 and <= 40 } browser ? "navegador:" + browser
            : "solicitud:" + hash;
        return new CheckoutKey(scope, command.IdempotencyKey, hash);
    }

    private static string RequestHash(PlaceOrder command, CustomerContact customer)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            customer,
            lines = CartPricing.Merge(command.Lines).OrderBy(l => l.ProductId),
            shops = command.Shops.OrderBy(s => s.ShopId).Select(s => new { s.ShopId, s.Fulfilment, Cash = s.CashTendered?.Cents, s.Payment, s.MarketDayId }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private List<CheckoutError> Validate(PlaceOrder command, out CustomerContact customer)
    {
        var errors = new List<CheckoutError>();
        customer = command.Customer;
        if (command.IdempotencyKey is not { Length: >= 8 and <= 64 })
        {
            errors.Add(new("", "Checkout.Expired"));
        }
        if (string.IsNullOrWhiteSpace(customer.Name) || customer.Name.Trim().Length > 120)
        {
            errors.Add(new("Name", "Checkout.NameRequired"));
        }
        if (!PhoneNumber.TryNormalize(customer.Phone, out var phone))
        {
            errors.Add(new("Phone", "Checkout.PhoneInvalid"));
        }
        if (customer.Address?.Length > 300 || customer.ReferencePoint?.Length > 300)
        {
            errors.Add(new("Address", "Checkout.AddressTooLong"));
        }
        // A caller's list may hold nulls, undefined choices or a shop twice: refused here, never a crash further on.
        if (command.Shops.Any(s => s is null || !Enum.IsDefined(s.Fulfilment) || !Enum.IsDefined(s.Payment)))
        {
            errors.Add(new("shops", "Checkout.ShopInvalid"));
        }
        errors.AddRange(command.Shops.Where(s => s is not null).GroupBy(s => s.ShopId).Where(g => g.Count() > 1)
            .Select(g => new CheckoutError($"shop-{g.Key}", "Checkout.ShopTwice")));
        if (!payments.Value.CardEnabled && command.Shops.Any(s => s?.Payment == PaymentMethod.Card))
        {
            errors.Add(new("", "Payments.CardUnavailable"));
        }
        if (command.Lines.Count == 0)
        {
            errors.Add(new("", "Checkout.EmptyCart"));
        }
        if (command.Lines.Count > CartPricing.MaxLines)
        {
            errors.Add(new("", "Checkout.TooManyLines", CartPricing.MaxLines));
        }
        if (command.Lines.Any(l => l is null))
        {
            errors.Add(new("lines", "Checkout.LineInvalid"));
        }
        if (command.Lines.Any(l => l is not null && l.Quantity is < 1 or > CartPricing.MaxQuantity))
        {
            errors.Add(new("", "Checkout.QuantityRange", CartPricing.MaxQuantity));
        }
        customer = new CustomerContact(customer.Name?.Trim() ?? "", phone, Blank(customer.Address), Blank(customer.ReferencePoint));
        return errors;
    }

    private static IEnumerable<CheckoutError> CheckAvailability(IReadOnlyList<CartLine> lines, Dictionary<int, Product> catalog)
    {
        foreach (var line in lines)
        {
            if (!catalog.TryGetValue(line.ProductId, out var product))
            {
                yield return new($"product-{line.ProductId}", "Checkout.ProductUnavailable");
            }
            else if (line.Quantity > CartPricing.MaxQuantity)
            {
                yield return new($"product-{line.ProductId}", "Checkout.QuantityRange", CartPricing.MaxQuantity);
            }
            else if (product.Stock is { } stock && stock < line.Quantity)
            {
                yield return new($"product-{line.ProductId}", stock == 0 ? "Checkout.OutOfStock" : "Checkout.OnlyLeft", product.Name, stock);
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
