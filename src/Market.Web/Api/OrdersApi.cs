using System.Globalization;
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
    /// <summary>An order of the most lines allowed is a few kilobytes; nothing the API reads comes near this.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>The steps a caller may ask for; the others (payment, market-day notes) are the platform's own.</summary>
    private static readonly OrderAction[] Steps =
    [
        OrderAction.Accept, OrderAction.StartPreparing, OrderAction.SendOut, OrderAction.MarkReady,
        OrderAction.Deliver, OrderAction.HandOver, OrderAction.Reject, OrderAction.Cancel,
    ];

    public static void MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .GuardChanges();
        api.MapGet("/productos", ListProducts);
        api.MapPost("/pedidos", Place).RequireRateLimiting(RateLimitPolicies.Checkout);
        api.MapGet("/pedidos/{code}", Get);
        api.MapPost("/pedidos/{code}/{step}", Advance);
    }

    private static async Task<IResult> ListProducts(string? tienda, MarketDbContext db, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        if (!int.TryParse(tienda, NumberStyles.None, CultureInfo.InvariantCulture, out var shopId))
        {
            return ApiProblems.Invalid(text, new Dictionary<string, string[]> { ["tienda"] = [text["Api.ShopRequired"]] });
        }
        return Results.Ok(await db.Products.AsNoTracking().Where(p => p.ShopId == shopId && p.IsActive && p.Shop.Status == ShopStatus.Active)
            .OrderBy(p => p.Id)
            .Select(p => new ProductDto(p.Id, p.Name, p.Unit, p.Price.Cents, p.Stock))
            .ToListAsync(ct));
    }

    private static async Task<IResult> Place([FromHeader(Name = "Idempotency-Key")] string? key, PlaceOrderRequest request,
        ClaimsPrincipal user, PlaceOrderHandler handler, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        var shops = new List<ShopChoice>();
        foreach (var s in request.Shops ?? [])
        {
            if (s is null)
            {
                return Problem(text, [new CheckoutError("shops", "Checkout.ShopInvalid")]);
            }
            if (s.CashTendered is { } tendered && !Money.TryParse(tendered, out _))
            {
                return Problem(text, [new CheckoutError($"shop-{s.ShopId}", "Checkout.PayWithInvalid", tendered)]);
            }
            shops.Add(new ShopChoice(s.ShopId, s.Fulfilment, Money.TryParse(s.CashTendered, out var cash) ? cash : null, s.Payment));
        }
        var c = request.Customer;
        var result = await handler.HandleAsync(new PlaceOrder(key ?? "", user.FindFirstValue(ClaimTypes.NameIdentifier), null,
            new CustomerContact(c?.Name ?? "", c?.Phone ?? "", c?.Address, c?.ReferencePoint), request.Lines ?? [], shops), ct);
        if (!result.Succeeded)
        {
            return Problem(text, result.Errors);
        }
        return Results.Created((string?)null, new PlacedDto([.. result.Orders.Select(o => new PlacedOrderDto(o.Code, o.ShopId, o.Total.Cents, o.Status))]));
    }

    private static async Task<IResult> Get(string code, OrderFeed feed, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        var events = await feed.ForOrderAsync(code, 0, ct);
        return events.Count == 0 ? ApiProblems.Problem(text, StatusCodes.Status404NotFound, text["Order.NotFound"]) : Results.Ok(events);
    }

    private static async Task<IResult> Advance(string code, string step, AdvanceRequest? body, ClaimsPrincipal user,
        AdvanceOrderHandler handler, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        if (!Steps.Any(s => s.ToString() == step))
        {
            return ApiProblems.Problem(text, StatusCodes.Status404NotFound, text["Api.UnknownStep", step, string.Join(", ", Steps)]);
        }
        var action = Enum.Parse<OrderAction>(step);
        // Cancelling is the resident's step (whoever holds the code); every other step belongs to the shop's owner.
        var actor = action == OrderAction.Cancel ? OrderActor.Resident : OrderActor.Shop;
        if (actor == OrderActor.Shop && !user.IsInRole(Roles.Shopkeeper))
        {
            return ApiProblems.Problem(text, user.Identity?.IsAuthenticated == true ? 403 : 401, text["Order.NotYourShop"]);
        }
        var result = await handler.HandleAsync(new AdvanceOrder(code, action, body?.Reason, actor, user.FindFirstValue(ClaimTypes.NameIdentifier)), ct);
        var message = result.MessageKey is null ? null : Messages.Format(text, result.MessageKey, result.Args);
        return result.Outcome switch
        {
            AdvanceOutcome.Done => Results.Ok(new { result.Event!.Sequence, result.Event.Status }),
            AdvanceOutcome.NotFound => ApiProblems.Problem(text, StatusCodes.Status404NotFound, message),
            AdvanceOutcome.Forbidden => ApiProblems.Problem(text, StatusCodes.Status403Forbidden, message),
            AdvanceOutcome.Conflict => ApiProblems.Problem(text, StatusCodes.Status409Conflict, message),
            _ => ApiProblems.Problem(text, StatusCodes.Status422UnprocessableEntity, message),
        };
    }

    private static IResult Problem(IStringLocalizer<Ui> text, IEnumerable<CheckoutError> errors)
    {
        var list = errors.ToList();
        var status = list.Any(e => e.MessageKey == PlaceOrderHandler.KeyReused) ? 422
            : list.Any(e => e.MessageKey is "Checkout.OutOfStock" or "Checkout.OnlyLeft" or Order.ShopClosed) ? 409 : 400;
        return ApiProblems.Invalid(text,
            list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Messages.Format(text, e.MessageKey, e.Args)).ToArray()),
            text["Checkout.FixThese"], status);
    }
}

public sealed record ProductDto(int Id, string Name, string Unit, long PriceCents, int? Stock);

public sealed record CustomerDto(string? Name, string? Phone, string? Address, string? ReferencePoint);

public sealed record ShopChoiceDto(int ShopId, Fulfilment Fulfilment, string? CashTendered, PaymentMethod Payment = PaymentMethod.CashOnDelivery);

public sealed record PlaceOrderRequest(CustomerDto? Customer, IReadOnlyList<CartLine>? Lines, IReadOnlyList<ShopChoiceDto>? Shops);

public sealed record PlacedOrderDto(string Code, int ShopId, long TotalCents, OrderStatus Status);

public sealed record PlacedDto(IReadOnlyList<PlacedOrderDto> Orders);

public sealed record AdvanceRequest(string? Reason);
