using System.Net;
using Market.Core.DemoData;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;

namespace Market.Tests.Integration.Accounts;

/// <summary>
/// Signing in (and signing up, and the second-factor step) goes back to the page the person came from, if it is a page of
/// this site; otherwise each role lands on the page it works from.
/// </summary>
public sealed class ReturnAddressTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Theory]
    [InlineData("vecina@demo.sv", "/checkout")]
    [InlineData("tere@demo.sv", "/tienda/catalogo?pagina=2")]
    [InlineData("alcaldia.ss@demo.sv", "/mercados")]
    public async Task SignIn_WithALocalReturnAddress_GoesBackThere(string login, string from)
    {
        var response = await SignInAsync(login, from);

        response.Headers.Location!.OriginalString.ShouldBe(from);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("~/admin")]
    public async Task SignIn_WithAnAddressOffTheSite_RefusesIt_AndLandsOnTheRolesPage(string from)
    {
        var response = await SignInAsync("tere@demo.sv", from);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/tienda/pedidos");
    }

    [Theory]
    [InlineData("vecina@demo.sv", "/")]
    [InlineData("tere@demo.sv", "/tienda/pedidos")]
    [InlineData("alcaldia.ss@demo.sv", "/admin")]
    public async Task SignIn_WithNoReturnAddress_LandsEachRoleOnItsPage(string login, string landing)
    {
        var response = await SignInAsync(login, from: null);

        response.Headers.Location!.OriginalString.ShouldBe(landing);
    }

    [Fact]
    public async Task SecondFactorStep_KeepsTheReturnAddress_AndMetropolitanStaffLandOnAdminWithoutOne()
    {
        var (toPage, toPageFirst) = await SignInWithSecondFactorAsync("/admin/mercados");
        var (toAdmin, _) = await SignInWithSecondFactorAsync(null);

        toPageFirst.ShouldStartWith("/cuenta/ingresar/codigo?");
        toPage.Headers.Location!.OriginalString.ShouldBe("/admin/mercados");
        toAdmin.Headers.Location!.OriginalString.ShouldBe("/admin");
    }

    [Fact]
    public async Task SignUp_FromTheCart_ComesBackToTheCart_AndRefusesAnAddressOffTheSite()
    {
        var fromCart = await SignUpAsync("/carrito");
        var offSite = await SignUpAsync("//evil.example");

        fromCart.Headers.Location!.OriginalString.ShouldBe("/carrito");
        offSite.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("/carrito", "/cuenta/ingresar?returnUrl=%2Fcarrito")]
    [InlineData("/tiendas?municipio=SS", "/cuenta/ingresar?returnUrl=%2Ftiendas%3Fmunicipio%3DSS")]
    [InlineData("/", "/cuenta/ingresar")]
    [InlineData("/cuenta/registro", "/cuenta/ingresar")]
    public async Task HeadersSignInLink_CarriesThePageShown(string page, string link)
    {
        var html = await Host.CreateClient().GetStringAsync(page);

        html.ShouldContain($"<a href=\"{link}\"");
    }

    [Fact]
    public async Task SignInPage_PassesItsReturnAddressOnToSignUp_ButNotOneOffTheSite()
    {
        var client = Host.CreateClient();

        var local = await client.GetStringAsync("/cuenta/ingresar?returnUrl=%2Fcheckout");
        var offSite = await client.GetStringAsync("/cuenta/ingresar?returnUrl=%2F%2Fevil.example");

        local.ShouldContain("<a href=\"/cuenta/registro?returnUrl=%2Fcheckout\">");
        Buying.CheckoutHtml.Value(await client.GetStringAsync("/cuenta/registro?returnUrl=%2Fcheckout"), "ReturnUrl").ShouldBe("/checkout");
        Buying.CheckoutHtml.Value(offSite, "ReturnUrl").ShouldBeEmpty();
        offSite.ShouldContain("<a href=\"/cuenta/registro\">");
    }

    private async Task<HttpResponseMessage> SignInAsync(string login, string? from)
    {
        var client = Host.CreateClient(followRedirects: false);
        var form = await client.GetStringAsync("/cuenta/ingresar");
        var fields = new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = MarketHost.Password,
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
        };
        if (from is not null)
        {
            fields["ReturnUrl"] = from;
        }
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response;
    }

    private async Task<(HttpResponseMessage Response, string FirstStep)> SignInWithSecondFactorAsync(string? from)
    {
        var client = Host.CreateClient(followRedirects: false);
        var form = await client.GetStringAsync("/cuenta/ingresar");
        var fields = new Dictionary<string, string>
        {
            ["Login"] = "amss@demo.sv",
            ["Password"] = MarketHost.Password,
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
        };
        if (from is not null)
        {
            fields["ReturnUrl"] = from;
        }
        var first = (await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(fields))).Headers.Location!.OriginalString;
        var page = await client.GetStringAsync(first);
        var code = new Dictionary<string, string>
        {
            ["Code"] = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(DemoCredentials.MetroStaffAuthenticatorKey)).ComputeTotp(),
            ["ReturnUrl"] = Buying.CheckoutHtml.Value(page, "ReturnUrl"),
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(page),
        };
        return (await client.PostAsync("/cuenta/ingresar/codigo", new FormUrlEncodedContent(code)), first);
    }

    private async Task<HttpResponseMessage> SignUpAsync(string from)
    {
        var client = Host.CreateClient(followRedirects: false);
        var form = await client.GetStringAsync("/cuenta/registro");
        var phone = "+5037" + Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsync("/cuenta/registro", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Vecino Nuevo",
            ["Phone"] = phone,
            ["Password"] = "una clave larga de prueba 2026",
            ["ReturnUrl"] = from,
            ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response;
    }
}
