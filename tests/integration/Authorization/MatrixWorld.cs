using System.Net;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Core.MarketDays;
using Market.Tests.Integration.MarketDays;
using Market.Tests.Integration.Media;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Authorization;

/// <summary>Who calls: one of each kind of user, and a second shop and a second municipality for "someone else's ids".</summary>
public enum Actor
{
    Anonymous,
    Resident,
    Shopkeeper,
    OtherShopkeeper,
    MunicipalStaff,
    OtherMunicipalStaff,
    MetroStaff,

    /// <summary>A resident of its own, for the account pages that act on the caller alone.</summary>
    AccountOwner,
}

/// <summary>
/// The app with one thing of each kind to act on, each belonging to Tere's shop (Shopkeeper), Chepe's stall (OtherShopkeeper)
/// or San Salvador (MunicipalStaff), and a signed-in browser per actor. The matrix's rows point at these.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    private readonly Dictionary<Actor, (HttpClient Client, CookieContainer Cookies)> browsers = [];

    public RedisServer Redis { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;
    public string Database { get; private set; } = "";

    public int TereShop { get; private set; }
    public int TereProduct { get; private set; }
    public int TerePhoto { get; private set; }
    public string InboxOrder { get; private set; } = "";
    public string ApiOrder { get; private set; } = "";
    public string ResidentOrder { get; private set; } = "";
    public int Category { get; private set; }
    public string CategoryName { get; private set; } = "";
    public int SanSalvador { get; private set; }
    public int PendingShop { get; private set; }
    public int PendingShopToReject { get; private set; }
    public int ActiveShop { get; private set; }
    public int SuspendedShop { get; private set; }
    public int VendorWithoutPassword { get; private set; }
    public int Space { get; private set; }
    public int DayToCancel { get; private set; }
    public int DayToMove { get; private set; }
    public int DayToApplyFor { get; private set; }
    public int SeriesToApplyFor { get; private set; }
    public int ChepesPendingApplication { get; private set; }
    public int ChepesOffer { get; private set; }
    public int ApplicationToApprove { get; private set; }
    public int ApplicationToWaitList { get; private set; }
    public int ApplicationToReject { get; private set; }
    public int ApplicationToMarkPaid { get; private set; }
    public string OtherStaffAccount { get; private set; } = "";
    public string ThrottledLogin { get; private set; } = "";

    /// <summary>A complete, valid San Salvador shop form ("Shop." fields), to copy with another name.</summary>
    public IReadOnlyDictionary<string, string> ShopTemplate { get; private set; } = new Dictionary<string, string>();
    public static DateOnly Today => ElSalvadorTime.Today(TimeProvider.System);

    public HttpClient Browser(Actor actor) => browsers[actor].Client;

    public CookieContainer Cookies(Actor actor) => browsers[actor].Cookies;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(Redis);
        Database = Host.App.Configuration["Database:ConnectionString"]!;
        var anonymous = new CookieContainer();
        browsers[Actor.Anonymous] = (Host.CreateClient(anonymous, followRedirects: false), anonymous);
        var soyapangoStaff = await TestAccounts.StaffAsync(Host, OnboardingForms.Soyapango);
        var owner = await TestAccounts.CreateAsync(Host, $"matriz.{Guid.NewGuid():N}@demo.sv", "Dueña de su cuenta", Roles.Resident);
        foreach (var (actor, login) in new[]
        {
            (Actor.Resident, "vecina@demo.sv"), (Actor.Shopkeeper, "tere@demo.sv"), (Actor.OtherShopkeeper, "chepe@demo.sv"),
            (Actor.MunicipalStaff, MarketSetup.SanSalvadorStaff), (Actor.OtherMunicipalStaff, soyapangoStaff), (Actor.MetroStaff, MarketSetup.MetroStaff),
            (Actor.AccountOwner, owner),
        })
        {
            browsers[actor] = await Host.SignInAsync(login);
        }
        ShopTemplate = await OnboardingForms.ShopAsync(Host, "Plantilla");
        await CatalogAsync();
        await ShopsToReviewAsync();
        await MarketDaysAsync();
        OtherStaffAccount = await IdOfAsync(await TestAccounts.StaffAsync(Host, OnboardingForms.SanSalvador));
        ThrottledLogin = "MATRIZ." + Guid.NewGuid().ToString("N").ToUpperInvariant() + "@DEMO.SV";
        await Host.Services.GetRequiredService<Market.Web.Accounts.SignInThrottle>().FailedAsync(ThrottledLogin, "198.18.0.9");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private async Task CatalogAsync()
    {
        var product = await Checkout.StockedProductOfAsync(Host, "tere@demo.sv", stock: 500);
        (TereShop, TereProduct) = (product.ShopId, product.Id);
        var category = await Checkout.QueryAsync(Host, db => db.Categories.AsNoTracking().OrderBy(c => c.Id).FirstAsync());
        (Category, CategoryName) = (category.Id, category.Name);
        SanSalvador = await Checkout.QueryAsync(Host, db => db.Municipalities.Where(m => m.Code == OnboardingForms.SanSalvador).Select(m => m.Id).SingleAsync());
        using var photo = new MultipartFormDataContent
        {
            { new StringContent(MarketHost.AntiforgeryToken(await Browser(Actor.Shopkeeper).GetStringAsync($"/tienda/catalogo/{TereProduct}"))), "__RequestVerificationToken" },
            { new ByteArrayContent(SamplePhotos.Jpeg(400, 300)) { Headers = { ContentType = new("image/jpeg") } }, "foto", "foto.jpg" },
        };
        (await Browser(Actor.Shopkeeper).PostAsync($"/tienda/catalogo/{TereProduct}/fotos", photo)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        TerePhoto = await Checkout.QueryAsync(Host, db => db.ProductPhotos.Where(p => p.ProductId == TereProduct).Select(p => p.Id).FirstAsync());
        InboxOrder = await PlaceAsync();
        ApiOrder = await PlaceAsync();
        ResidentOrder = await PlaceAsync();
    }

    private async Task<string> PlaceAsync() =>
        (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (TereShop, TereProduct, 1)))).Orders.Single().Code;

    private async Task ShopsToReviewAsync()
    {
        PendingShop = (await OnboardingForms.RegisterAsVisitorAsync(Host, "Matriz Pendiente " + Guid.NewGuid().ToString("N")[..6])).Shop.Id;
        PendingShopToReject = (await OnboardingForms.RegisterAsVisitorAsync(Host, "Matriz Por Rechazar " + Guid.NewGuid().ToString("N")[..6])).Shop.Id;
        ActiveShop = (await OnboardingForms.RegisterAsVisitorAsync(Host, "Matriz Activa " + Guid.NewGuid().ToString("N")[..6])).Shop.Id;
        SuspendedShop = (await OnboardingForms.RegisterAsVisitorAsync(Host, "Matriz Suspendida " + Guid.NewGuid().ToString("N")[..6])).Shop.Id;
        await ChangeAsync(async db =>
        {
            foreach (var shop in await db.Shops.Where(s => s.Id == ActiveShop || s.Id == SuspendedShop).ToListAsync())
            {
                shop.Approve();
                if (shop.Id == SuspendedShop)
                {
                    shop.Suspend("Queja comprobada");
                }
            }
        });
        var fields = await OnboardingForms.ShopAsync(Host, "Matriz Sin Contraseña " + Guid.NewGuid().ToString("N")[..6]);
        fields["VendorName"] = "Vendedora Nueva";
        fields["VendorPhone"] = OnboardingForms.NewPhone();
        (await OnboardingForms.PostAsync(Browser(Actor.MunicipalStaff), "/admin/tiendas/nueva", "/admin/tiendas/nueva", fields)).StatusCode.ShouldBe(HttpStatusCode.OK);
        VendorWithoutPassword = await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.Name == fields["Shop.Name"]).Select(s => s.Id).SingleAsync());
    }

    private async Task MarketDaysAsync()
    {
        var (space, day) = await MarketSetup.SpaceWithDayAsync(Host, capacity: 20, daysAhead: 9);
        Space = space.Id;
        DayToApplyFor = day.Id;
        var vendors = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            vendors.Add(await MarketSetup.VendorAsync(Host));
        }
        await ChangeAsync(async db =>
        {
            var plaza = await db.PublicSpaces.SingleAsync(s => s.Id == Space);
            var first = Today.AddDays(12);
            MarketDay[] days = [MarketDay.Schedule(Space, first, new(7, 0), new(13, 0)), MarketDay.Schedule(Space, first.AddDays(7), new(7, 0), new(13, 0)),
                MarketDay.Schedule(Space, first.AddDays(14), new(7, 0), new(13, 0))];
            db.MarketDays.AddRange(days);
            var series = MarketSeries.Create(plaza, SeriesSchedule.OnDates([first.AddDays(21)], new(7, 0), new(13, 0)), DateTimeOffset.UtcNow);
            db.MarketSeries.Add(series);
            await db.SaveChangesAsync();
            (DayToCancel, DayToMove, SeriesToApplyFor) = (days[0].Id, days[1].Id, series.Id);
            var target = await db.MarketDays.Include(d => d.PublicSpace).SingleAsync(d => d.Id == days[2].Id);
            var shops = await db.Shops.Where(s => db.Users.Any(u => u.Id == s.OwnerId && vendors.Contains(u.Email!))).ToListAsync();
            var chepe = await db.Shops.SingleAsync(s => db.Users.Any(u => u.Id == s.OwnerId && u.Email == "chepe@demo.sv"));
            var applications = shops.Select(s => StallApplication.Apply(target, s, null, DateTimeOffset.UtcNow)).ToList();
            applications[3].Approve(3, plaza, Money.Zero);
            var pending = StallApplication.Apply(target, chepe, null, DateTimeOffset.UtcNow);
            var offered = StallApplication.Apply(await db.MarketDays.Include(d => d.PublicSpace).SingleAsync(d => d.Id == DayToMove), chepe, null, DateTimeOffset.UtcNow);
            offered.WaitList(DateTimeOffset.UtcNow);
            offered.Offer(5, Money.Zero);
            db.StallApplications.AddRange([.. applications, pending, offered]);
            await db.SaveChangesAsync();
            (ApplicationToApprove, ApplicationToWaitList, ApplicationToReject, ApplicationToMarkPaid) =
                (applications[0].Id, applications[1].Id, applications[2].Id, applications[3].Id);
            (ChepesPendingApplication, ChepesOffer) = (pending.Id, offered.Id);
        });
    }

    private async Task<string> IdOfAsync(string email) => await Checkout.QueryAsync(Host, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task ChangeAsync(Func<MarketDbContext, Task> change)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }
}
