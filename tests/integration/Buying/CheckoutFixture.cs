using System.Net;
using System.Text.RegularExpressions;
using Market.Core;
using Market.Core.Catalog;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Buying;

/// <summary>A clock set to the moment a test needs ("Sunday 13:00 in San Salvador"), running on at the real pace from there.</summary>
public sealed class SettableClock : TimeProvider
{
    private long offsetTicks;

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref offsetTicks, (now - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>The next such weekday after today, at that local time in America/El_Salvador.</summary>
    public static DateTimeOffset Next(DayOfWeek day, int hour)
    {
        var date = ElSalvadorTime.Today(System).AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }
        return ElSalvadorTime.ToUtc(date, new TimeOnly(hour, 0));
    }
}

/// <summary>The app on SQLite with real Redis and a settable clock, for checkouts whose shops' hours matter.</summary>
public sealed class CheckoutFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;
    public SettableClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(Redis, services: s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>Reads and fills the checkout page as a browser without JavaScript would.</summary>
public static partial class CheckoutHtml
{
    /// <summary>Puts products in the cart the way the storefront's button does: the cart cookie.</summary>
    public static void FillCart(MarketHost host, CookieContainer cookies, params (int ProductId, int Quantity)[] lines) =>
        cookies.Add(host.BaseAddress, new Cookie("mc.cart", string.Join('.', lines.Select(l => $"{l.ProductId}:{l.Quantity}"))));

    /// <summary>The form's fields as the page drew them, with the given way of receiving per shop.</summary>
    public static Dictionary<string, string> Fields(string page, IReadOnlyDictionary<int, string> receive)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(page),
            ["IdempotencyKey"] = IdempotencyKey().Match(page).Groups[1].Value,
            ["Name"] = "Ana López",
            ["Phone"] = "+503 7123 4567",
            ["Address"] = "Colonia Escalón, pasaje 3 #12",
        };
        foreach (Match shop in ShopIds().Matches(page))
        {
            var index = shop.Groups[1].Value;
            fields[$"Shops[{index}].ShopId"] = shop.Groups[2].Value;
            fields[$"Shops[{index}].Receive"] = receive[int.Parse(shop.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
        }
        return fields;
    }

    /// <summary>Per shop id, what the page shows as its delivery fee and total; the grand total under the key 0.</summary>
    public static Dictionary<int, (string Fee, string Total)> Totals(string page)
    {
        var totals = new Dictionary<int, (string, string)>();
        foreach (Match shop in ShopBlocks().Matches(page))
        {
            totals[int.Parse(shop.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] =
                (Fee().Match(shop.Value).Groups[1].Value, ShopTotal().Match(shop.Value).Groups[1].Value);
        }
        totals[0] = ("", GrandTotal().Match(page).Groups[1].Value);
        return totals;
    }

    public static string Value(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>A store with products in stock whose owner is not <paramref name="notShopId"/>'s, delivering for a fee.</summary>
    public static Task<Product> DeliveringProductAsync(MarketHost host, int notShopId = 0) =>
        Checkout.QueryAsync(host, async db =>
        {
            var product = await db.Products.AsNoTracking().Include(p => p.Shop)
                .Where(p => p.IsActive && p.Shop.Status == ShopStatus.Active && p.Shop.Kind == ShopKind.Store && p.Shop.OffersDelivery
                    && p.Shop.OffersPickup && p.ShopId != notShopId && (p.Stock == null || p.Stock > 10))
                .OrderBy(p => p.Id).FirstAsync();
            return product.Shop.DeliveryFee.Cents > 0 ? product : throw new InvalidOperationException("The demo store delivers for free.");
        });

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("name=\"Shops\\[(\\d+)\\]\\.ShopId\" value=\"(\\d+)\"")]
    private static partial Regex ShopIds();

    [GeneratedRegex("data-shop=\"(\\d+)\">.*?</dl>", RegexOptions.Singleline)]
    private static partial Regex ShopBlocks();

    [GeneratedRegex("data-testid=\"delivery-fee\">([^<]+)<")]
    private static partial Regex Fee();

    [GeneratedRegex("data-testid=\"shop-total\">([^<]+)<")]
    private static partial Regex ShopTotal();

    [GeneratedRegex("data-testid=\"grand-total\">([^<]+)<")]
    private static partial Regex GrandTotal();
}
