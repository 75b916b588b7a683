using System.Net;
using Market.Core.Accounts;
using Market.Orders.LiveUpdates;
using Market.Tests.Integration.Operations;
using Market.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Market.Tests.Integration.Accounts.AccountForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>Signing out, signing out everywhere and a new password end the sessions they should, for every copy of the cookie.</summary>
public abstract class SessionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AccountsFixture
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionOnEveryDevice()
    {
        var email = await NewResidentAsync();
        var (phone, phoneCookies) = await SignedInDeviceAsync(email);
        var (laptop, _) = await SignedInDeviceAsync(email);

        var signedOut = await PostAsync(laptop, "/cuenta/seguridad", "/cuenta/seguridad/cerrar-sesiones", []);

        signedOut.Headers.Location!.OriginalString.ShouldBe("/cuenta/ingresar");
        (await phone.GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await laptop.GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OpenSessionsAsync(email)).ShouldBe(0);
        phoneCookies.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task NewPassword_EndsTheOtherDevices_KeepsThisOne_AndOnlyTheNewPasswordSignsIn()
    {
        var email = await NewResidentAsync();
        var (stolenPhone, _) = await SignedInDeviceAsync(email);
        var (mine, _) = await SignedInDeviceAsync(email);
        const string newPassword = "una frase que solo yo sé";

        var changed = await PostAsync(mine, "/cuenta/seguridad", "/cuenta/seguridad/contrasena", new() { ["current"] = MarketHost.Password, ["password"] = newPassword });

        changed.Headers.Location!.OriginalString.ShouldBe("/cuenta/seguridad");
        (await mine.GetStringAsync("/cuenta/seguridad")).ShouldContain("Tu contraseña cambió.");
        (await stolenPhone.GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OpenSessionsAsync(email)).ShouldBe(1);
        (await SignInAsync(Browser(Host, NewAddress()), email, MarketHost.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SignInAsync(Browser(Host, NewAddress()), email, newPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task NewPassword_ThatIsCommon_IsRefusedInSpanish_AndTheOldOneStillWorks()
    {
        var email = await NewResidentAsync();
        var (device, _) = await SignedInDeviceAsync(email);

        var refused = await PostAsync(device, "/cuenta/seguridad", "/cuenta/seguridad/contrasena", new() { ["current"] = MarketHost.Password, ["password"] = "tequiero2026" });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Esa contraseña es de las más usadas");
        (await SignInAsync(Browser(Host, NewAddress()), email, MarketHost.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SecurityPage_ListsEachSignedInDevice_AndMarksThisOne()
    {
        var email = await NewResidentAsync();
        await SignedInDeviceAsync(email);
        var (device, _) = await SignedInDeviceAsync(email);

        var page = await device.GetStringAsync("/cuenta/seguridad");

        System.Text.RegularExpressions.Regex.Count(page, "<li class=\"card\">").ShouldBe(2);
        page.ShouldContain("este dispositivo");
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> SignedInDeviceAsync(string email)
    {
        var cookies = new CookieContainer();
        var device = Browser(Host, NewAddress(), cookies);
        (await SignInAsync(device, email, MarketHost.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (device, cookies);
    }

    private Task<int> OpenSessionsAsync(string email) => Checkout.QueryAsync(Host, db =>
        db.UserSessions.CountAsync(s => s.RevokedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email)));

    private async Task<string> NewResidentAsync() =>
        await TestAccounts.CreateAsync(Host, $"sesiones.{Guid.NewGuid():N}@demo.sv", "Vecina con sesiones", Roles.Resident);
}

public sealed class SqliteSessionTests(SqliteAccounts fixture) : SessionTests<SqliteAccounts>(fixture);

public sealed class PostgresSessionTests(PostgresAccounts fixture) : SessionTests<PostgresAccounts>(fixture);

/// <summary>A copy of the sign-in cookie taken before sign-out is refused afterwards, on the other node too.</summary>
public sealed class CopiedCookieTests(TwoNodesWithDefaults nodes) : IClassFixture<TwoNodesWithDefaults>
{
    [Fact]
    public async Task SignOut_OnNodeA_EndsACopyOfTheCookie_OnNodeB()
    {
        var (resident, cookies) = await nodes.A.SignInAsync("vecina@demo.sv");
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        var thief = nodes.B.CreateClient(copy, followRedirects: false);
        (await thief.GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signedOut = await PostAsync(resident, "/mis-pedidos", "/cuenta/salir", []);

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterwards = await thief.GetAsync("/mis-pedidos");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterwards.Headers.Location!.AbsolutePath.ShouldBe("/cuenta/ingresar");
    }

    [Fact]
    public async Task SignOut_ClosesTheShopsLiveFeed_OpenedBeforeIt_OnTheOtherNodeToo()
    {
        var (shopkeeper, cookies) = await nodes.A.SignInAsync("tere@demo.sv");
        await using var feed = await LiveClient.ConnectAsync(nodes.B, cookies);
        await feed.FollowShopAsync();

        await PostAsync(shopkeeper, "/mis-pedidos", "/cuenta/salir", []);
        await nodes.B.Services.GetRequiredService<LiveSessions>().SweepAsync(default);

        (await Eventually.Until(() => Task.FromResult(feed.State), s => s == HubConnectionState.Disconnected, seconds: 10))
            .ShouldBe(HubConnectionState.Disconnected);
    }
}
