using System.Security.Claims;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.Ordering;
using Market.Orders.Checkout;
using Market.Orders.Fulfilling;
using Market.Orders.LiveUpdates;
using Market.Web.Operations;
using Market.Web.Resources;
using Market.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Api;

/// <summary>The JSON face of checkout and fulfilment, for scripts, the benchmark and future apps. Prices never come in.</summary>
public static class OrdersApi
{
    public static void MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/productos", ListProducts);
        api.MapPost("/pedidos", Place).RequireRateLimiting(RateLimitPolicies.Checkout);
        api.MapGet("/pedidos/{code}", Get);
        api.MapPost("/pedidos/{code}/{step}", Advance);
    }

    private static async Task<IResult> ListProducts(int tienda, MarketDbContext db, CancellationToken ct) =>
        Results.Ok(await db.Products.AsNoTracking().Where(p => p.ShopId == tienda && p.IsActive && p.Shop.Status == ShopStatus.Active)
            .OrderBy(p => p.Id)
            .Select(p => new ProductDto(p.Id, p.Name, p.Unit, p.Price.Cents, p.Stock))
            .ToListAsync(ct));

    private static async Task<IResult> Place([FromHeader(Name = "Idempotency-Key")] string? key, PlaceOrderRequest request,
        ClaimsPrincipal user, PlaceOrderHandler handler, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        var shops = new List<ShopChoice>();
        foreach (var s in request.Shops ?? [])
        {
            if (s.CashTendered is { } tendered && !Money.TryParse(tendered, out _))
            {
                return Problem(text, [new CheckoutError($"shop-{s.ShopId}", "Checkout.PayWithInvalid", tendered)]);
            }
            shops.Add(new ShopChoice(s.ShopId, s.Fulfilment, Money.TryParse(s.CashTendered, out var cash) ? cash : null, s.Payment));
        }
        var c = request.Customer;
        var result = await handler.HandleAsync(new PlaceOrder(key ?? "", user.FindFirstValue(ClaimTypes.NameIdentifier),
            new CustomerContact(c?.Name ?? "", c?.Phone ?? "", c?.Address, c?.ReferencePoint), request.Lines ?? [], shops), ct);
        if (!result.Succeeded)
        {
            return Problem(text, result.Errors);
        }
        return Results.Created((string?)null, new PlacedDto([.. result.Orders.Select(o => new PlacedOrderDto(o.Code, o.ShopId, o.Total.Cents, o.Status))]));
    }

    private static async Task<IResult> Get(string code, OrderFeed feed, CancellationToken ct)
    {
        var events = await feed.ForOrderAsync(code, 0, ct);
        return events.Count == 0 ? Results.NotFound() : Results.Ok(events);
    }

    private static async Task<IResult> Advance(string code, OrderAction step, AdvanceRequest? body, ClaimsPrincipal user,
        AdvanceOrderHandler handler, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        // Cancelling is the resident's step (whoever holds the code); every other step belongs to the shop's owner.
        var actor = step == OrderAction.Cancel ? OrderActor.Resident : OrderActor.Shop;
        if (actor == OrderActor.Shop && !user.IsInRole(Roles.Shopkeeper))
        {
            return Results.Problem(text["Order.NotYourShop"], statusCode: user.Identity?.IsAuthenticated == true ? 403 : 401);
        }
        var result = await handler.HandleAsync(new AdvanceOrder(code, step, body?.Reason, actor, user.FindFirstValue(ClaimTypes.NameIdentifier)), ct);
        var message = result.MessageKey is null ? null : Messages.Format(text, result.MessageKey, result.Args);
        return result.Outcome switch
        {
            AdvanceOutcome.Done => Results.Ok(new { result.Event!.Sequence, result.Event.Status }),
            AdvanceOutcome.NotFound => Results.Problem(message, statusCode: 404),
            AdvanceOutcome.Forbidden => Results.Problem(message, statusCode: 403),
            AdvanceOutcome.Conflict => Results.Problem(message, statusCode: 409),
            _ => Results.Problem(message, statusCode: 422),
        };
    }

    private static IResult Problem(IStringLocalizer<Ui> text, IEnumerable<CheckoutError> errors)
    {
        var list = errors.ToList();
        var status = list.Any(e => e.MessageKey is "Checkout.OutOfStock" or "Checkout.OnlyLeft") ? 409 : 400;
        return Results.ValidationProblem(
            list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Messages.Format(text, e.MessageKey, e.Args)).ToArray()),
            title: text["Checkout.FixThese"], statusCode: status);
    }
}

public sealed record ProductDto(int Id, string Name, string Unit, long PriceCents, int? Stock);

public sealed record CustomerDto(string? Name, string? Phone, string? Address, string? ReferencePoint);

public sealed record ShopChoiceDto(int ShopId, Fulfilment Fulfilment, string? CashTendered, PaymentMethod Payment = PaymentMethod.CashOnDelivery);

public sealed record PlaceOrderRequest(CustomerDto? Customer, IReadOnlyList<CartLine>? Lines, IReadOnlyList<ShopChoiceDto>? Shops);

public sealed record PlacedOrderDto(string Code, int ShopId, long TotalCents, OrderStatus Status);

public sealed record PlacedDto(IReadOnlyList<PlacedOrderDto> Orders);

public sealed record AdvanceRequest(string? Reason);
