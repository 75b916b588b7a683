using System.Net;
using Market.Core.Accounts;
using Market.Tests.Support;
using static Market.Tests.Integration.Accounts.AccountForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>Wrong passwords slow down whoever sends them, not the account's owner, and the form never says which accounts exist.</summary>
public abstract class SignInTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AccountsFixture
{
    private const string BadLogin = "El teléfono, correo o contraseña no coinciden.";

    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task WrongPasswords_FromOneAddress_MakeThatAddressWait_WhileTheOwnerSignsInFromAnother()
    {
        var email = await NewResidentAsync();
        var attacker = Browser(Host, NewAddress());
        for (var i = 0; i < AccountsFixture.FreeAttempts; i++)
        {
            (await SignInAsync(attacker, email, "adivinanza " + i)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var attackerWithTheRightPassword = await SignInAsync(attacker, email, MarketHost.Password);
        var owner = await SignInAsync(Browser(Host, NewAddress()), email, MarketHost.Password);

        attackerWithTheRightPassword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await attackerWithTheRightPassword.Content.ReadAsStringAsync()).ShouldContain(BadLogin);
        owner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        owner.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task UnknownAccount_WrongPassword_AndWaiting_GetOneAnswer()
    {
        var email = await NewResidentAsync();
        var address = NewAddress();
        var unknown = await SignInAsync(Browser(Host, address), $"nadie.{Guid.NewGuid():N}@demo.sv", "una contraseña cualquiera");
        var wrong = await SignInAsync(Browser(Host, address), email, "una contraseña cualquiera");
        for (var i = 1; i < AccountsFixture.FreeAttempts; i++)
        {
            await SignInAsync(Browser(Host, address), email, "otra contraseña " + i);
        }
        var waiting = await SignInAsync(Browser(Host, address), email, "una contraseña cualquiera");

        var answers = new[] { unknown, wrong, waiting };
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.BadRequest);
        var messages = await Task.WhenAll(answers.Select(async a => ErrorsIn(await a.Content.ReadAsStringAsync())));
        messages.Distinct().ShouldHaveSingleItem().ShouldContain(BadLogin);
    }

    [Fact]
    public async Task UnknownAccount_CostsAPasswordCheck_LikeAWrongPassword()
    {
        var email = await NewResidentAsync();

        var beforeUnknown = fixture.Hasher.Verifications;
        await SignInAsync(Browser(Host, NewAddress()), $"nadie.{Guid.NewGuid():N}@demo.sv", "una contraseña cualquiera");
        var forUnknown = fixture.Hasher.Verifications - beforeUnknown;
        var beforeWrong = fixture.Hasher.Verifications;
        await SignInAsync(Browser(Host, NewAddress()), email, "una contraseña cualquiera");
        var forWrong = fixture.Hasher.Verifications - beforeWrong;

        forUnknown.ShouldBe(1);
        forWrong.ShouldBe(1);
    }

    [Fact]
    public async Task SignIn_ByPhone_FindsTheAccountThatHasThatPhone()
    {
        var phone = NewPhone();
        await TestAccounts.CreateAsync(Host, $"con.telefono.{phone}@demo.sv", "Vecina con teléfono", Roles.Resident, phone: "+503" + phone);

        var signedIn = await SignInAsync(Browser(Host, NewAddress()), $"{phone[..4]}-{phone[4..]}", MarketHost.Password);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task WrongSetupCodes_FromOneAddress_MakeThatAddressWait_NeverLockTheVendor()
    {
        var (phone, code) = await NewVendorWithCodeAsync();
        var attacker = Browser(Host, NewAddress());
        for (var i = 0; i < AccountsFixture.FreeAttempts; i++)
        {
            (await UseCodeAsync(attacker, phone, ((int.Parse(code) + 1 + i) % 100_000_000).ToString("D8"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var attackerWithTheRightCode = await UseCodeAsync(attacker, phone, code);
        var vendor = await UseCodeAsync(Browser(Host, NewAddress()), phone, code);

        attackerWithTheRightCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await attackerWithTheRightCode.Content.ReadAsStringAsync()).ShouldContain("El teléfono o el código no coinciden.");
        vendor.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        vendor.Headers.Location!.OriginalString.ShouldBe("/mi-tienda");
    }

    [Fact]
    public async Task AnyInput_ToSignInSignUpAndSetupCode_NeverAnswers5xx()
    {
        var random = new Random(20261202);
        string[] samples = ["", " ", "@", "+503", "+503 7000 1234", "70001234", new string('7', 300), new string('a', 5000), "ñandú@correo.sv",
            "\u0000", "'; DROP TABLE \"AspNetUsers\"; --", "<script>alert(1)</script>", "tere@demo.sv", "TERE@DEMO.SV ", "😀😀😀", "%00%0a", "a@b", "+5037"];
        string Pick() => random.Next(4) == 0 ? new string([.. Enumerable.Range(0, random.Next(0, 64)).Select(_ => (char)random.Next(1, 0xD7FF))]) : samples[random.Next(samples.Length)];
        var browser = Browser(Host, NewAddress());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            statuses.Add((await PostAsync(browser, "/cuenta/ingresar", "/cuenta/ingresar", new() { ["Login"] = Pick(), ["Password"] = Pick(), ["Remember"] = Pick() })).StatusCode);
            statuses.Add((await PostAsync(browser, "/cuenta/registro", "/cuenta/registro", new() { ["Name"] = Pick(), ["Phone"] = Pick(), ["Email"] = Pick(), ["Password"] = Pick() })).StatusCode);
            statuses.Add((await PostAsync(browser, "/cuenta/codigo", "/cuenta/codigo", new() { ["Phone"] = Pick(), ["Code"] = Pick(), ["Password"] = Pick() })).StatusCode);
        }

        statuses.ShouldAllBe(s => (int)s < 500);
    }

    private async Task<string> NewResidentAsync() =>
        await TestAccounts.CreateAsync(Host, $"vecina.{Guid.NewGuid():N}@demo.sv", "Vecina de prueba", Roles.Resident);

    private async Task<(string Phone, string Code)> NewVendorWithCodeAsync()
    {
        var (staff, _) = await Host.SignInAsync("alcaldia.ss@demo.sv");
        var phone = NewPhone();
        var fields = await Onboarding.OnboardingForms.ShopAsync(Host, "Venta Código " + Guid.NewGuid().ToString("N")[..6]);
        fields["VendorName"] = "Rosario Mejía";
        fields["VendorPhone"] = phone;
        var issued = await PostAsync(staff, "/admin/tiendas/nueva", "/admin/tiendas/nueva", fields);
        var body = await issued.Content.ReadAsStringAsync();
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return (phone, Onboarding.OnboardingForms.SetupCodeIn(body));
    }

    private static Task<HttpResponseMessage> UseCodeAsync(HttpClient browser, string phone, string code) =>
        PostAsync(browser, "/cuenta/codigo", "/cuenta/codigo", new() { ["Phone"] = phone, ["Code"] = code, ["Password"] = MarketHost.Password });

    private static string ErrorsIn(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<div class=\"errors[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
}

public sealed class SqliteSignInTests(SqliteAccounts fixture) : SignInTests<SqliteAccounts>(fixture);
