using System.Net;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.Nearby;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Nearby;

/// <summary>A location is only kept where the resident asked: a cookie on this device, or an address on their account.</summary>
public sealed class LocationConsentTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task Declined_NothingIsStored_AndTheLocationOnlyTravelsInTheNextAddress()
    {
        var (resident, cookies) = await Host.SignInAsync("vecina@demo.sv");
        var zacamil = await NeighbourhoodAsync("Zacamil");
        var before = await SavedAddressesAsync();

        var response = await PostAsync(resident, new() { ["colonia"] = zacamil.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/tiendas?colonia={zacamil}");
        response.Headers.TryGetValues("Set-Cookie", out var set).ShouldBeFalse(string.Join("; ", set ?? []));
        cookies.GetAllCookies().Select(c => c.Name).ShouldNotContain(LocationCookie.Name);
        (await SavedAddressesAsync()).ShouldBe(before);
        var next = await resident.GetStringAsync(response.Headers.Location.OriginalString);
        next.ShouldContain("Cerca de Zacamil, Mejicanos");
        var later = await resident.GetStringAsync("/tiendas");
        later.ShouldContain("Indicar dónde estoy");
        later.ShouldNotContain("Cerca de Zacamil");
    }

    [Fact]
    public async Task Remembered_IsKeptInACookieOnThisDevice_AndNowhereElse()
    {
        var guest = Host.CreateClient(followRedirects: false);
        var losSantos = await NeighbourhoodAsync("Colonia Los Santos");
        var before = await SavedAddressesAsync();

        var response = await PostAsync(guest, new() { ["colonia"] = losSantos.ToString(), ["recordar"] = "true", ["guardar"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/tiendas");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(LocationCookie.Name + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        (await SavedAddressesAsync()).ShouldBe(before, "a guest has no account to save to");
        (await guest.GetStringAsync("/tiendas")).ShouldContain("Cerca de Colonia Los Santos, Soyapango");

        var forget = await PostAsync(guest, [], "/ubicacion/olvidar", "/ubicacion");
        forget.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await guest.GetStringAsync("/tiendas")).ShouldContain("Indicar dónde estoy");
    }

    [Fact]
    public async Task SavedToTheAccount_FollowsTheResidentToAnotherDevice()
    {
        var (phone, _) = await Host.SignInAsync("vecina@demo.sv");
        var before = await SavedAddressesAsync();

        var response = await PostAsync(phone, new() { ["lat"] = "13.7251", ["lng"] = "-89.1472", ["guardar"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var saved = await Checkout.QueryAsync(Host, db => db.SavedAddresses.OrderByDescending(a => a.Id).FirstAsync());
        (await SavedAddressesAsync()).ShouldBe(before + 1);
        saved.Latitude.ShouldBe(13.7251);
        saved.Longitude.ShouldBe(-89.1472);
        var (laptop, _) = await Host.SignInAsync("vecina@demo.sv");
        (await laptop.GetStringAsync("/tiendas")).ShouldContain("Cerca de tu ubicación actual");
        await Checkout.QueryAsync(Host, db => db.SavedAddresses.Where(a => a.Id == saved.Id).ExecuteDeleteAsync());
    }

    [Theory]
    [InlineData("", "", "", "Elige tu colonia o comparte tu ubicación.")]
    [InlineData("999999", "", "", "Esa colonia no está en la lista.")]
    [InlineData("", "14.6349", "-90.5069", "fuera del área metropolitana")]
    [InlineData("", "abc", "-89.1", "Elige tu colonia o comparte tu ubicación.")]
    public async Task BadInput_IsExplained_AndNothingIsStored(string colonia, string lat, string lng, string message)
    {
        var (resident, cookies) = await Host.SignInAsync("vecina@demo.sv");
        var before = await SavedAddressesAsync();

        var response = await PostAsync(resident, new() { ["colonia"] = colonia, ["lat"] = lat, ["lng"] = lng, ["recordar"] = "true", ["guardar"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain(message);
        page.ShouldContain("name=\"recordar\" value=\"true\" checked=\"checked\"");
        cookies.GetAllCookies().Select(c => c.Name).ShouldNotContain(LocationCookie.Name);
        (await SavedAddressesAsync()).ShouldBe(before);
    }

    private Task<int> NeighbourhoodAsync(string name) =>
        Checkout.QueryAsync(Host, db => db.Neighbourhoods.Where(n => n.Name == name).Select(n => n.Id).SingleAsync());

    private Task<int> SavedAddressesAsync() => Checkout.QueryAsync(Host, db => db.SavedAddresses.CountAsync());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> form, string action = "/ubicacion", string page = "/ubicacion")
    {
        form["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(await client.GetStringAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }
}
