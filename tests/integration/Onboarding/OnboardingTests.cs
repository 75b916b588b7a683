using System.Net;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Market.Tests.Integration.Onboarding.OnboardingForms;

namespace Market.Tests.Integration.Onboarding;

/// <summary>Shop registration, review by the shop's municipality, the shopkeeper's own shop, and who may do what.</summary>
public abstract class OnboardingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private const string Tere = "tere@demo.sv";
    private const string Chepe = "chepe@demo.sv";
    private const string SanSalvadorStaff = "alcaldia.ss@demo.sv";
    private const string MetroStaff = "amss@demo.sv";
    private const string Resident = "vecina@demo.sv";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task NewShop_IsPendingAndHidden_UntilItsMunicipalityApprovesIt()
    {
        var name = "Tienda La Esperanza " + Guid.NewGuid().ToString("N")[..6];
        var (shopkeeper, shop) = await RegisterAsVisitorAsync(Host, name);

        shop.Status.ShouldBe(ShopStatus.Pending);
        shop.Hours.Count.ShouldBe(6);
        shop.DeliveryRadiusKm.ShouldBe(2.5);
        shop.MinimumOrder.Cents.ShouldBe(500);
        (await Checkout.QueryAsync(Host, db => db.UserRoles.AnyAsync(r => r.UserId == shop.OwnerId
            && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Shopkeeper)))).ShouldBeTrue();
        (await shopkeeper.GetStringAsync("/mi-tienda")).ShouldContain("En revisión");
        (await Host.CreateClient().GetAsync($"/tiendas/{shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        (await staff.GetStringAsync("/admin/tiendas")).ShouldContain(name);
        var approved = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/aprobar", new Dictionary<string, string>());

        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Active);
        (await Host.CreateClient().GetStringAsync($"/tiendas/{shop.Id}")).ShouldContain(name);
        (await shopkeeper.GetStringAsync("/mi-tienda")).ShouldContain("Activa");
    }

    [Fact]
    public async Task StaffOfAnotherMunicipality_CannotSeeApproveOrRejectTheShop()
    {
        var name = "Abarrotes San Jacinto " + Guid.NewGuid().ToString("N")[..6];
        var (_, shop) = await RegisterAsVisitorAsync(Host, name);
        var (soyapango, _) = await Host.SignInAsync(await TestAccounts.StaffAsync(Host, Soyapango));
        var (metro, _) = await Host.SignInAsync(MetroStaff);

        var list = await soyapango.GetStringAsync("/admin/tiendas");
        var approve = await PostAsync(soyapango, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/aprobar", new Dictionary<string, string>());
        var reject = await PostAsync(soyapango, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/rechazar", new Dictionary<string, string> { ["reason"] = "no" });

        list.ShouldNotContain(name);
        approve.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        reject.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Pending);
        (await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.Id == shop.Id).Select(s => s.RejectionReason).SingleAsync())).ShouldBeNull();
        (await metro.GetStringAsync("/admin/tiendas")).ShouldContain(name);
    }

    [Fact]
    public async Task RejectedShop_ShowsTheReasonToItsShopkeeper_AndCanBeApprovedOnceFixed()
    {
        var (shopkeeper, shop) = await RegisterAsVisitorAsync(Host, "Venta Doña Mari " + Guid.NewGuid().ToString("N")[..6]);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);

        var noReason = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/rechazar", new Dictionary<string, string> { ["reason"] = "  " });
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Escribe el motivo del rechazo.");
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Pending);

        var rejected = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/rechazar",
            new Dictionary<string, string> { ["reason"] = "La dirección no corresponde a San Salvador; corrígela." });
        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await shopkeeper.GetStringAsync("/mi-tienda");
        page.ShouldContain("Rechazada");
        page.ShouldContain("La dirección no corresponde a San Salvador; corrígela.");
        (await Host.CreateClient().GetAsync($"/tiendas/{shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var approved = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/aprobar", new Dictionary<string, string>());
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Active);
        var rejectActive = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/rechazar", new Dictionary<string, string> { ["reason"] = "otra vez" });
        rejectActive.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await rejectActive.Content.ReadAsStringAsync()).ShouldContain("La tienda está «Activa»: ese cambio no es posible.");
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Active);
    }

    [Fact]
    public async Task BadRegistration_IsRefusedInSpanish_KeepsWhatWasTyped_AndStoresNothing()
    {
        var client = Host.CreateClient(new CookieContainer(), followRedirects: false);
        var fields = await ShopAsync(Host, "");
        fields["Account.Name"] = "Rosa";
        fields["Account.Phone"] = "12345";
        fields["Account.Password"] = "corta";
        fields["Shop.Address"] = "Pasaje Las Flores #7";
        fields["Shop.Latitude"] = "trece";
        fields["Shop.Hours[0].Opens"] = "18:00";
        fields["Shop.Hours[0].Closes"] = "07:00";
        fields["Shop.OffersDelivery"] = "false";
        fields["Shop.OffersPickup"] = "false";
        var users = await Checkout.QueryAsync(Host, db => db.Users.CountAsync());
        var shops = await Checkout.QueryAsync(Host, db => db.Shops.CountAsync());

        var response = await PostAsync(client, "/mi-tienda/registrar", "/mi-tienda/registrar", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Escribe el nombre de la tienda.");
        body.ShouldContain("Escribe un teléfono de El Salvador");
        body.ShouldContain("La contraseña debe tener al menos 10 caracteres.");
        body.ShouldContain("Lunes: escribe la hora en que abre y una hora de cierre posterior.");
        body.ShouldContain("Escribe la latitud y la longitud como números");
        body.ShouldContain("Elige entrega a domicilio, retiro o ambos.");
        body.ShouldContain("value=\"Pasaje Las Flores #7\"");
        body.ShouldContain("value=\"12345\"");
        body.ShouldContain("value=\"frente a la ceiba\"");
        (await Checkout.QueryAsync(Host, db => db.Users.CountAsync())).ShouldBe(users);
        (await Checkout.QueryAsync(Host, db => db.Shops.CountAsync())).ShouldBe(shops);
    }

    [Fact]
    public async Task LocationFarFromTheMunicipality_IsRefused()
    {
        var (resident, _) = await SignUpByPhoneAsync();
        var fields = await ShopAsync(Host, "Tienda Lejana");
        fields["Shop.Latitude"] = "13.4833";
        fields["Shop.Longitude"] = "-88.1833";

        var response = await PostAsync(resident, "/mi-tienda/registrar", "/mi-tienda/registrar", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("km de San Salvador: revisa la latitud, la longitud y el municipio.");
        (await Checkout.QueryAsync(Host, db => db.Shops.AnyAsync(s => s.Name == "Tienda Lejana"))).ShouldBeFalse();
    }

    [Fact]
    public async Task ResidentWhoSignedUpWithAPhone_RegistersOneShop_AndBecomesItsShopkeeper()
    {
        var (resident, phone) = await SignUpByPhoneAsync();
        var name = "Cremería El Buen Gusto " + Guid.NewGuid().ToString("N")[..6];

        var first = await PostAsync(resident, "/mi-tienda/registrar", "/mi-tienda/registrar", await ShopAsync(Host, name));
        var again = await resident.GetAsync("/mi-tienda/registrar");
        var second = await PostAsync(resident, "/mi-tienda", "/mi-tienda/registrar", await ShopAsync(Host, name + " 2"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.ToString().ShouldBe("/mi-tienda");
        second.Headers.Location!.ToString().ShouldBe("/mi-tienda");
        var owner = await Checkout.QueryAsync(Host, db => db.Users.SingleAsync(u => u.UserName == Normalized(phone)));
        (await Checkout.QueryAsync(Host, db => db.Shops.Where(s => s.OwnerId == owner.Id).Select(s => s.Name).ToListAsync())).ShouldBe([name]);
        // The cookie was renewed with the Shopkeeper role: the shopkeeper's pages open.
        (await resident.GetAsync("/tienda/pedidos")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Shopkeeper_EditsPausesAndResumesTheirShop()
    {
        var (shopkeeper, shop) = await RegisterAsVisitorAsync(Host, "Tortillería Lupita " + Guid.NewGuid().ToString("N")[..6]);
        await ApproveAsync(shop.Id);
        var fields = await ShopAsync(Host, shop.Name + " y Pupusería");
        fields["Shop.OffersDelivery"] = "false";
        fields["Shop.Hours[6].Open"] = "true";

        var edited = await PostAsync(shopkeeper, $"/mi-tienda/{shop.Id}/editar", $"/mi-tienda/{shop.Id}/editar", fields);
        var paused = await PostAsync(shopkeeper, "/mi-tienda", $"/mi-tienda/{shop.Id}/pausar", new Dictionary<string, string>());
        var hidden = await Host.CreateClient().GetAsync($"/tiendas/{shop.Id}");
        var pausedPage = await shopkeeper.GetStringAsync("/mi-tienda");
        var resumed = await PostAsync(shopkeeper, "/mi-tienda", $"/mi-tienda/{shop.Id}/reanudar", new Dictionary<string, string>());

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        pausedPage.ShouldContain("En pausa");
        resumed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await ShopNamedAsync(Host, shop.Name + " y Pupusería");
        stored.Status.ShouldBe(ShopStatus.Active);
        stored.OffersDelivery.ShouldBeFalse();
        stored.Hours.Count.ShouldBe(7);
        (await Host.CreateClient().GetAsync($"/tiendas/{shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EditWithBadInput_OrMovingAnApprovedShop_ChangesNothing()
    {
        var (shopkeeper, shop) = await RegisterAsVisitorAsync(Host, "Farmacia Popular " + Guid.NewGuid().ToString("N")[..6]);
        await ApproveAsync(shop.Id);
        var bad = await ShopAsync(Host, shop.Name);
        bad["Shop.DeliveryFee"] = "uno";
        bad["Shop.Phone"] = "2222";
        var moved = await ShopAsync(Host, shop.Name, Soyapango);

        var badResponse = await PostAsync(shopkeeper, $"/mi-tienda/{shop.Id}/editar", $"/mi-tienda/{shop.Id}/editar", bad);
        var movedResponse = await PostAsync(shopkeeper, $"/mi-tienda/{shop.Id}/editar", $"/mi-tienda/{shop.Id}/editar", moved);

        badResponse.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await badResponse.Content.ReadAsStringAsync();
        body.ShouldContain("Escribe el costo del envío en dólares");
        body.ShouldContain("value=\"uno\"");
        movedResponse.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await movedResponse.Content.ReadAsStringAsync()).ShouldContain("Para cambiarla de municipio, habla con la alcaldía.");
        var stored = await ShopNamedAsync(Host, shop.Name);
        stored.DeliveryFee.ShouldBe(shop.DeliveryFee);
        stored.Phone.ShouldBe(shop.Phone);
        stored.MunicipalityId.ShouldBe(shop.MunicipalityId);
    }

    [Fact]
    public async Task AnotherShopkeeper_CannotEditPauseOrResumeTheShop()
    {
        var tereShop = await ShopOfAsync(Host, Tere);
        var (chepe, _) = await Host.SignInAsync(Chepe);
        var fields = await ShopAsync(Host, "Robada");

        var form = await chepe.GetAsync($"/mi-tienda/{tereShop.Id}/editar");
        var edit = await PostAsync(chepe, "/mi-tienda", $"/mi-tienda/{tereShop.Id}/editar", fields);
        var pause = await PostAsync(chepe, "/mi-tienda", $"/mi-tienda/{tereShop.Id}/pausar", new Dictionary<string, string>());
        var resume = await PostAsync(chepe, "/mi-tienda", $"/mi-tienda/{tereShop.Id}/reanudar", new Dictionary<string, string>());
        var chepePage = await chepe.GetStringAsync("/mi-tienda");

        form.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        pause.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        resume.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        chepePage.ShouldNotContain(tereShop.Name);
        var stored = await ShopOfAsync(Host, Tere);
        stored.Name.ShouldBe(tereShop.Name);
        stored.Status.ShouldBe(tereShop.Status);
        stored.Address.ShouldBe(tereShop.Address);
    }

    [Fact]
    public async Task ResidentsShopkeepersAndVisitors_CannotUseTheStaffPages()
    {
        var (_, shop) = await RegisterAsVisitorAsync(Host, "Minisúper El Ahorro " + Guid.NewGuid().ToString("N")[..6]);
        var (resident, _) = await Host.SignInAsync(Resident);
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var vendorPhone = NewPhone();
        var vendor = await ShopAsync(Host, "Puesto Intruso");
        vendor["VendorName"] = "Intruso";
        vendor["VendorPhone"] = vendorPhone;
        var users = await Checkout.QueryAsync(Host, db => db.Users.CountAsync());

        foreach (var client in new[] { resident, shopkeeper })
        {
            var token = MarketHost.AntiforgeryToken(await client.GetStringAsync("/"));
            foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
            {
                ($"/admin/tiendas/{shop.Id}/aprobar", []),
                ($"/admin/tiendas/{shop.Id}/rechazar", new() { ["reason"] = "no" }),
                ($"/admin/tiendas/{shop.Id}/codigo", []),
                ("/admin/tiendas/nueva", vendor),
            })
            {
                var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
                response.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
            }
            (await client.GetAsync("/admin/tiendas")).Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
        }
        var anonymous = await Host.CreateClient(followRedirects: false).GetAsync("/admin/tiendas/nueva");

        anonymous.Headers.Location!.ToString().ShouldContain("/cuenta/ingresar");
        (await StatusAsync(Host, shop.Id)).ShouldBe(ShopStatus.Pending);
        (await Checkout.QueryAsync(Host, db => db.Users.CountAsync())).ShouldBe(users);
        (await Checkout.QueryAsync(Host, db => db.Shops.AnyAsync(s => s.Name == "Puesto Intruso"))).ShouldBeFalse();
    }

    [Fact]
    public async Task AssistedOnboarding_OpensAnActiveShop_AndASingleUseSetupCode()
    {
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var phone = NewPhone();
        var name = "Frutas Doña Chayito " + Guid.NewGuid().ToString("N")[..6];

        var code = await RegisterVendorAsync(staff, name, phone);

        var vendor = await Checkout.QueryAsync(Host, db => db.Users.SingleAsync(u => u.UserName == Normalized(phone)));
        vendor.PasswordHash.ShouldBeNull();
        vendor.SetupCodeHash.ShouldNotBeNull();
        vendor.SetupCodeHash.ShouldNotContain(code);
        vendor.SetupCodeExpiresAt!.Value.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(6.9), DateTimeOffset.UtcNow.AddDays(7.1));
        var shop = await ShopNamedAsync(Host, name);
        shop.Status.ShouldBe(ShopStatus.Active);
        shop.OwnerId.ShouldBe(vendor.Id);
        (await Host.CreateClient().GetAsync($"/tiendas/{shop.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.GetStringAsync("/admin/tiendas")).ShouldContain(name);

        var wrong = await UseCodeAsync(phone, "00000000".Equals(code, StringComparison.Ordinal) ? "11111111" : "00000000");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("El teléfono o el código no coinciden.");

        var used = await UseCodeAsync(phone, code[..4] + " " + code[4..]);
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        used.Headers.Location!.ToString().ShouldBe("/mi-tienda");
        var (signedIn, _) = await Host.SignInAsync(phone);
        (await signedIn.GetStringAsync("/mi-tienda")).ShouldContain(name);

        var again = await UseCodeAsync(phone, code, "OtraClave2026");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.SignInAsync(phone)).Client.ShouldNotBeNull();
        (await Checkout.QueryAsync(Host, db => db.Users.SingleAsync(u => u.Id == vendor.Id))).SetupCodeHash.ShouldBeNull();
    }

    [Fact]
    public async Task ExpiredSetupCode_IsRefused_AndStaffCanIssueANewOne()
    {
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var phone = NewPhone();
        var name = "Puesto Los Cipreses " + Guid.NewGuid().ToString("N")[..6];
        var code = await RegisterVendorAsync(staff, name, phone);
        await Checkout.QueryAsync(Host, db => db.Users.Where(u => u.UserName == Normalized(phone))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SetupCodeExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var expired = await UseCodeAsync(phone, code);

        expired.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("Ese código ya venció.");
        (await Checkout.QueryAsync(Host, db => db.Users.SingleAsync(u => u.UserName == Normalized(phone)))).PasswordHash.ShouldBeNull();

        var shop = await ShopNamedAsync(Host, name);
        var (soyapango, _) = await Host.SignInAsync(await TestAccounts.StaffAsync(Host, Soyapango));
        var foreign = await PostAsync(soyapango, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/codigo", new Dictionary<string, string>());
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var reissued = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/codigo", new Dictionary<string, string>());
        reissued.StatusCode.ShouldBe(HttpStatusCode.OK);
        reissued.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var newCode = SetupCodeIn(await reissued.Content.ReadAsStringAsync());
        (await UseCodeAsync(phone, newCode)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var afterPassword = await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shop.Id}/codigo", new Dictionary<string, string>());
        afterPassword.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await afterPassword.Content.ReadAsStringAsync()).ShouldContain("Esa cuenta ya tiene contraseña");
    }

    [Fact]
    public async Task AssistedOnboarding_InAnotherMunicipality_OrWithATakenPhone_StoresNothing()
    {
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var foreign = await ShopAsync(Host, "Tienda en Soyapango", Soyapango);
        foreign["VendorName"] = "Juan Pérez";
        foreign["VendorPhone"] = NewPhone();
        var taken = await ShopAsync(Host, "Tienda Repetida");
        taken["VendorName"] = "María Hernández";
        taken["VendorPhone"] = "+503 7000 1234";
        var users = await Checkout.QueryAsync(Host, db => db.Users.CountAsync());

        var foreignResponse = await PostAsync(staff, "/admin/tiendas/nueva", "/admin/tiendas/nueva", foreign);
        var takenResponse = await PostAsync(staff, "/admin/tiendas/nueva", "/admin/tiendas/nueva", taken);

        foreignResponse.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await foreignResponse.Content.ReadAsStringAsync()).ShouldContain("Elige el municipio de la tienda.");
        takenResponse.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var takenBody = await takenResponse.Content.ReadAsStringAsync();
        takenBody.ShouldContain("Ya existe una cuenta con ese teléfono.");
        takenBody.ShouldContain("value=\"María Hernández\"");
        (await Checkout.QueryAsync(Host, db => db.Users.CountAsync())).ShouldBe(users);
        (await Checkout.QueryAsync(Host, db => db.Shops.AnyAsync(s => s.Name == "Tienda en Soyapango" || s.Name == "Tienda Repetida"))).ShouldBeFalse();
    }

    [Fact]
    public async Task ShopkeepersText_IsShownEncoded()
    {
        const string script = "<script>alert(1)</script>";
        var (shopkeeper, shop) = await RegisterAsVisitorAsync(Host, script);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);

        var pages = new List<string> { await shopkeeper.GetStringAsync("/mi-tienda"), await shopkeeper.GetStringAsync($"/mi-tienda/{shop.Id}/editar"), await staff.GetStringAsync("/admin/tiendas") };
        await ApproveAsync(shop.Id);
        pages.Add(await Host.CreateClient().GetStringAsync($"/tiendas/{shop.Id}"));

        foreach (var page in pages)
        {
            page.ShouldNotContain(script);
            page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    private async Task ApproveAsync(int shopId)
    {
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        (await PostAsync(staff, "/admin/tiendas", $"/admin/tiendas/{shopId}/aprobar", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Signs up at /cuenta/registro with a phone and no e-mail, as many vendors will.</summary>
    private async Task<(HttpClient Client, string Phone)> SignUpByPhoneAsync()
    {
        var phone = NewPhone();
        var response = await PostAsync(Host.CreateClient(followRedirects: false), "/cuenta/registro", "/cuenta/registro", new Dictionary<string, string>
        {
            ["Name"] = "Ana Flores",
            ["Phone"] = phone,
            ["Password"] = MarketHost.Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return ((await Host.SignInAsync(phone)).Client, phone);
    }

    private async Task<string> RegisterVendorAsync(HttpClient staff, string shopName, string phone)
    {
        var fields = await ShopAsync(Host, shopName);
        fields["VendorName"] = "Rosario Mejía";
        fields["VendorPhone"] = phone;
        var response = await PostAsync(staff, "/admin/tiendas/nueva", "/admin/tiendas/nueva", fields);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return SetupCodeIn(body);
    }

    private Task<HttpResponseMessage> UseCodeAsync(string phone, string code, string password = MarketHost.Password) =>
        PostAsync(Host.CreateClient(new CookieContainer(), followRedirects: false), "/cuenta/codigo", "/cuenta/codigo", new Dictionary<string, string>
        {
            ["Phone"] = phone,
            ["Code"] = code,
            ["Password"] = password,
        });
}

public sealed class SqliteOnboardingTests(SqliteSpine fixture) : OnboardingTests<SqliteSpine>(fixture);

public sealed class PostgresOnboardingTests(PostgresSpine fixture) : OnboardingTests<PostgresSpine>(fixture);
