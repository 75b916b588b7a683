using System.Net;
using System.Text.RegularExpressions;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.MarketDays;

/// <summary>Spaces, market days and vendors made straight in the database, so each test starts from its own.</summary>
public static partial class MarketSetup
{
    public const string SanSalvadorStaff = "alcaldia.ss@demo.sv";
    public const string MetroStaff = "amss@demo.sv";

    public static async Task<(PublicSpace Space, MarketDay Day)> SpaceWithDayAsync(MarketHost host, string municipalityCode = "SS", int capacity = 10,
        int daysAhead = 7, PublicSpaceKind kind = PublicSpaceKind.Plaza)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var municipality = await db.Municipalities.SingleAsync(m => m.Code == municipalityCode);
        var space = PublicSpace.Register(municipality.Id, new SpaceDetails("Plaza de prueba " + Guid.NewGuid().ToString("N")[..8], kind,
            "Frente a la alcaldía", municipality.Latitude, municipality.Longitude, capacity,
            kind == PublicSpaceKind.Calle ? StreetUse.SharedStreet : null,
            kind == PublicSpaceKind.Calle ? new TimeOnly(6, 0) : null, kind == PublicSpaceKind.Calle ? new TimeOnly(16, 0) : null));
        db.PublicSpaces.Add(space);
        await db.SaveChangesAsync();
        var date = ElSalvadorTime.Today(TimeProvider.System).AddDays(daysAhead);
        var day = MarketDay.Schedule(space.Id, date, new TimeOnly(7, 0), new TimeOnly(13, 0));
        db.MarketDays.Add(day);
        await db.SaveChangesAsync();
        return (space, day);
    }

    /// <summary>A signed-up market vendor with an active shop; returns the login.</summary>
    public static async Task<string> VendorAsync(MarketHost host, string municipalityCode = "SS", string? shopName = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var municipality = await db.Municipalities.SingleAsync(m => m.Code == municipalityCode);
        var email = $"puesto.{Guid.NewGuid():N}@demo.sv";
        var owner = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Vendedora " + email[7..13] };
        (await users.CreateAsync(owner, MarketHost.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(owner, Roles.Shopkeeper)).Succeeded.ShouldBeTrue();
        var shop = new Shop
        {
            Name = shopName ?? "Puesto " + email[7..15],
            Kind = ShopKind.MarketVendor,
            MunicipalityId = municipality.Id,
            Address = "Mercado municipal",
            Latitude = municipality.Latitude,
            Longitude = municipality.Longitude,
            Phone = "+50370000000",
            OffersPickup = true,
            OwnerId = owner.Id,
        };
        shop.Approve();
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>The vendor's approved stall on the day, and one product of theirs with stock; straight in the database.</summary>
    public static async Task<(int ShopId, Product Product)> StallWithProductAsync(MarketHost host, int dayId, string vendorEmail, int stall)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var shop = await db.Shops.SingleAsync(s => db.Users.Any(u => u.Id == s.OwnerId && u.Email == vendorEmail));
        var day = await db.MarketDays.Include(d => d.PublicSpace).SingleAsync(d => d.Id == dayId);
        var application = StallApplication.Apply(day, shop, null, DateTimeOffset.UtcNow);
        application.Approve(stall, day.PublicSpace, Market.Core.Money.Zero);
        db.StallApplications.Add(application);
        var product = new Product
        {
            ShopId = shop.Id,
            CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(),
            Name = "Güisquil de " + shop.Name,
            Unit = "unidad",
            Price = new Market.Core.Money(35),
            Stock = 40,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (shop.Id, product);
    }

    /// <summary>Posts a form with the anti-forgery token of any page of the signed-in user (the layout's sign-out form has one).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, IDictionary<string, string>? fields = null)
    {
        var token = MarketHost.AntiforgeryToken(await client.GetStringAsync("/"));
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public static Task<List<StallApplication>> ApplicationsAsync(MarketHost host, int dayId) =>
        Checkout.QueryAsync(host, db => db.StallApplications.AsNoTracking().Where(a => a.MarketDayId == dayId).OrderBy(a => a.Id).ToListAsync());

    public static bool IsRedirect(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Redirect;

    public static async Task AddToCartAsync(HttpClient resident, int dayId, int productId)
    {
        var page = await resident.GetStringAsync($"/mercados/{dayId}");
        page.ShouldContain($"name=\"productId\" value=\"{productId}\"");
        var added = await resident.PostAsync("/carrito/agregar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = "2",
        }));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    public static Dictionary<string, string> CheckoutFields(string checkout, int shopId, int marketDayId) => new()
    {
        ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(checkout),
        ["IdempotencyKey"] = IdempotencyKey().Match(checkout).Groups[1].Value,
        ["Name"] = "Ana López",
        ["Phone"] = "+503 7123 4567",
        ["Shops[0].ShopId"] = shopId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Shops[0].Receive"] = "Market-" + marketDayId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("name=\"IdempotencyKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex IdempotencyKey();
}
