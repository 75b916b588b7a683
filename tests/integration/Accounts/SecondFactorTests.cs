using System.Net;
using System.Text.RegularExpressions;
using Market.Core.Accounts;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using static Market.Tests.Integration.Accounts.AccountForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>Metropolitan staff enrol an authenticator app before anything else, and then sign in with its code or a recovery code.</summary>
public sealed partial class SecondFactorTests(SqliteAccounts fixture) : IClassFixture<SqliteAccounts>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task MetroStaffWithoutAnAuthenticator_IsSentToEnrol_ThenSignsInWithTheAppsCode()
    {
        var email = await TestAccounts.CreateAsync(Host, $"amss.{Guid.NewGuid():N}@demo.sv", "Personal AMSS", Roles.MetroStaff);
        var staff = Browser(Host, NewAddress());
        (await SignInAsync(staff, email, MarketHost.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var admin = await staff.GetAsync("/admin/mercados");
        admin.Headers.Location!.OriginalString.ShouldBe("/cuenta/seguridad/autenticador");
        var (key, _) = await EnrolAsync(staff);
        (await staff.GetAsync("/admin/mercados")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = Browser(Host, NewAddress());
        var password = await SignInAsync(again, email, MarketHost.Password);
        password.Headers.Location!.OriginalString.ShouldStartWith("/cuenta/ingresar/codigo");
        (await again.GetAsync("/admin/mercados")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var wrong = await CodeAsync(again, "000000");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Ese código no coincide.");
        (await CodeAsync(again, new Totp(Base32Encoding.ToBytes(key)).ComputeTotp())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.GetAsync("/admin/mercados")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndIsStoredOnlyAsAHash()
    {
        var email = await TestAccounts.CreateAsync(Host, $"amss.{Guid.NewGuid():N}@demo.sv", "Personal AMSS", Roles.MetroStaff);
        var staff = Browser(Host, NewAddress());
        await SignInAsync(staff, email, MarketHost.Password);
        var codes = CodePattern().Matches((await EnrolAsync(staff)).Page).Select(m => m.Groups[1].Value).ToList();

        var first = Browser(Host, NewAddress());
        await SignInAsync(first, email, MarketHost.Password);
        var used = await CodeAsync(first, codes[0]);
        var second = Browser(Host, NewAddress());
        await SignInAsync(second, email, MarketHost.Password);
        var reused = await CodeAsync(second, codes[0]);

        codes.Count.ShouldBe(10);
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tokens = await Checkout.QueryAsync(Host, db => db.UserTokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email)).Select(t => t.Value).ToListAsync());
        string.Join(" ", tokens).ShouldNotContain(codes[1]);
        (await first.GetStringAsync("/cuenta/seguridad")).ShouldContain("Te quedan 9 códigos de recuperación.");
    }

    [Fact]
    public async Task MetroStaff_CannotTurnTheSecondFactorOff()
    {
        var email = await TestAccounts.CreateAsync(Host, $"amss.{Guid.NewGuid():N}@demo.sv", "Personal AMSS", Roles.MetroStaff);
        var staff = Browser(Host, NewAddress());
        await SignInAsync(staff, email, MarketHost.Password);
        await EnrolAsync(staff);

        var off = await PostAsync(staff, "/cuenta/seguridad", "/cuenta/seguridad/autenticador/quitar", []);

        off.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Checkout.QueryAsync(Host, db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();
    }

    [Fact]
    public async Task Resident_MayTurnTheSecondFactorOnAndOff()
    {
        var email = await TestAccounts.CreateAsync(Host, $"vecina.{Guid.NewGuid():N}@demo.sv", "Vecina cuidadosa", Roles.Resident);
        var resident = Browser(Host, NewAddress());
        await SignInAsync(resident, email, MarketHost.Password);
        (await resident.GetAsync("/mis-pedidos")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await EnrolAsync(resident);

        var off = await PostAsync(resident, "/cuenta/seguridad", "/cuenta/seguridad/autenticador/quitar", []);

        off.Headers.Location!.OriginalString.ShouldBe("/cuenta/seguridad");
        (await SignInAsync(Browser(Host, NewAddress()), email, MarketHost.Password)).Headers.Location!.OriginalString.ShouldBe("/");
    }

    /// <summary>Reads the key off the enrolment page, as a person types it into the app, and proves it with the app's code.</summary>
    private static async Task<(string Key, string Page)> EnrolAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/cuenta/seguridad/autenticador");
        page.ShouldContain("<svg");
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var enrolled = await browser.PostAsync("/cuenta/seguridad/autenticador", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(),
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(page),
        }));
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = await enrolled.Content.ReadAsStringAsync();
        codes.ShouldContain("Tus códigos de recuperación");
        return (key, codes);
    }

    private static Task<HttpResponseMessage> CodeAsync(HttpClient browser, string code) =>
        PostAsync(browser, "/cuenta/ingresar/codigo", "/cuenta/ingresar/codigo", new() { ["Code"] = code });

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodePattern();
}
