using System.Net;
using Market.Core.Accounts;
using Market.Core.Audit;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Market.Tests.Integration.Onboarding.OnboardingForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>
/// Staff suspend shops, and every staff action lands in an audit trail with who, when, from where, before and after, that
/// nobody can change; municipal staff read their own municipality's part of it.
/// </summary>
public abstract class StaffActionsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AccountsFixture
{
    private const string SanSalvadorStaff = "alcaldia.ss@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task SuspendingAShop_HidesIt_EndsItsOwnersSessions_ShowsTheReason_AndIsAudited()
    {
        var name = "Tienda Suspendida " + Guid.NewGuid().ToString("N")[..6];
        var (shopkeeper, shop) = await RegisterAsVisitorAsync(Host, name);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        (await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/aprobar", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var thiefsCopy = new CookieContainer();
        var owner = (await Host.SignInAsync(Normalized(await PhoneOfOwnerAsync(shop.Id)))).Cookies;
        foreach (Cookie cookie in owner.GetAllCookies())
        {
            thiefsCopy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var suspended = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/suspender", new Dictionary<string, string> { ["reason"] = "Queja comprobada de cobros de más" });

        suspended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Suspended);
        (await Host.CreateClient().GetAsync($"/tiendas/{shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Host.CreateClient(thiefsCopy, followRedirects: false).GetAsync("/tienda/pedidos")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await shopkeeper.GetAsync("/mi-tienda")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = (await Host.SignInAsync(Normalized(await PhoneOfOwnerAsync(shop.Id)))).Client;
        (await again.GetStringAsync("/mi-tienda")).ShouldContain("Queja comprobada de cobros de más");
        var entry = (await EntriesAsync($"shop:{shop.Id}")).Single(e => e.Action == "shop.suspend");
        entry.ActorName.ShouldBe("Alcaldía de San Salvador");
        entry.Address.ShouldBe("127.0.0.1");
        entry.Before!.ShouldContain("\"status\":\"Active\"");
        entry.After!.ShouldContain("\"status\":\"Suspended\"");
        entry.After!.ShouldContain("Queja comprobada de cobros de más");
    }

    [Fact]
    public async Task StaffOfAnotherMunicipality_CannotSuspendTheShop_AndNothingIsAudited()
    {
        var (_, shop) = await RegisterAsVisitorAsync(Host, "Tienda Ajena " + Guid.NewGuid().ToString("N")[..6]);
        var (soyapango, _) = await Host.SignInAsync(await TestAccounts.StaffAsync(Host, Soyapango));

        var refused = await PostAsync(soyapango, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/suspender", new Dictionary<string, string> { ["reason"] = "no" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Pending);
        (await EntriesAsync($"shop:{shop.Id}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AuditPage_ShowsMunicipalStaffOnlyTheirMunicipality_AndMetroStaffEverythingFiltered()
    {
        var (_, ours) = await RegisterAsVisitorAsync(Host, "Tienda Nuestra " + Guid.NewGuid().ToString("N")[..6]);
        var soyapangoName = "Tienda de Soyapango " + Guid.NewGuid().ToString("N")[..6];
        var soyapangoFields = await ShopAsync(Host, soyapangoName, Soyapango);
        soyapangoFields["VendorName"] = "Marta Cruz";
        soyapangoFields["VendorPhone"] = NewPhone();
        var (sanSalvador, _) = await Host.SignInAsync(SanSalvadorStaff);
        var (soyapango, _) = await Host.SignInAsync(await TestAccounts.StaffAsync(Host, Soyapango));
        (await PostAsync(sanSalvador, "/admin/tiendas", $"/admin/tiendas/{ours.Id}/aprobar", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(soyapango, "/admin/tiendas/nueva", "/admin/tiendas/nueva", soyapangoFields)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");
        var soyapangoId = await Checkout.QueryAsync(Host, db => db.Municipalities.Where(m => m.Code == Soyapango).Select(m => m.Id).SingleAsync());

        var forSanSalvador = await sanSalvador.GetStringAsync("/admin/auditoria");
        var forMetro = await metro.GetStringAsync($"/admin/auditoria?accion=shop.&municipio={soyapangoId}");

        forSanSalvador.ShouldContain($"shop:{ours.Id}");
        forSanSalvador.ShouldContain("Tienda aprobada");
        forSanSalvador.ShouldNotContain(soyapangoName);
        forMetro.ShouldContain(soyapangoName);
        forMetro.ShouldContain("Vendedor registrado por el personal");
        forMetro.ShouldNotContain($"shop:{ours.Id}");
    }

    [Fact]
    public async Task TheDatabase_RefusesToChangeOrDeleteAnAuditEntry()
    {
        var (_, shop) = await RegisterAsVisitorAsync(Host, "Tienda Auditada " + Guid.NewGuid().ToString("N")[..6]);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/aprobar", new Dictionary<string, string>());
        var entry = (await EntriesAsync($"shop:{shop.Id}")).Single();

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        await Should.ThrowAsync<Exception>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, "nadie")));
        await Should.ThrowAsync<Exception>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync());
        (await EntriesAsync($"shop:{shop.Id}")).Single().ActorName.ShouldBe("Alcaldía de San Salvador");
    }

    [Fact]
    public async Task MunicipalStaffWithoutAMunicipality_IsRefusedEveryStaffPage_NeverAnError()
    {
        var (broken, _) = await Host.SignInAsync(await TestAccounts.CreateAsync(Host, $"sin.municipio.{Guid.NewGuid():N}@demo.sv", "Sin municipio", Roles.MunicipalStaff));

        foreach (var page in new[] { "/admin", "/admin/tiendas", "/admin/mercados", "/admin/auditoria" })
        {
            var answer = await broken.GetAsync(page);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            answer.Headers.Location!.AbsolutePath.ShouldBe("/cuenta/denegado");
        }
    }

    private Task<string> PhoneOfOwnerAsync(int shopId) =>
        Checkout.QueryAsync(Host, db => db.Users.Where(u => db.Shops.Any(s => s.Id == shopId && s.OwnerId == u.Id)).Select(u => u.PhoneNumber!).SingleAsync());

    private Task<List<AuditEntry>> EntriesAsync(string subject) =>
        Checkout.QueryAsync(Host, db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync());
}

public sealed class SqliteStaffActionsTests(SqliteAccounts fixture) : StaffActionsTests<SqliteAccounts>(fixture);

public sealed class PostgresStaffActionsTests(PostgresAccounts fixture) : StaffActionsTests<PostgresAccounts>(fixture);
