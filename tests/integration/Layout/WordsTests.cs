using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Market.Core.Catalog;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Market.Tests.Integration.Layout;

/// <summary>Counts read as people say them, in Spanish and in English: "1 resultado", "0 resultados", "2 pedidos".</summary>
public sealed class WordsTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Theory]
    [InlineData("es-SV", "Search.Count", 0, "0 resultados para «pan»")]
    [InlineData("es-SV", "Search.Count", 1, "1 resultado para «pan»")]
    [InlineData("es-SV", "Search.Count", 2, "2 resultados para «pan»")]
    [InlineData("en", "Search.Count", 0, "0 results for “pan”")]
    [InlineData("en", "Search.Count", 1, "1 result for “pan”")]
    [InlineData("en", "Search.Count", 2, "2 results for “pan”")]
    [InlineData("es-SV", "Confirmed.Intro", 1, "¡Listo! Hiciste 1 pedido. La tienda lo recibe ahora mismo.")]
    [InlineData("es-SV", "Confirmed.Intro", 2, "¡Listo! Hiciste 2 pedidos. Cada tienda recibe el suyo ahora mismo.")]
    [InlineData("en", "Confirmed.Intro", 1, "Done! You placed 1 order. The shop receives it right now.")]
    [InlineData("en", "Confirmed.Intro", 0, "Done! You placed 0 orders. Each shop receives its own right now.")]
    [InlineData("es-SV", "StaffSecurity.OpenSessions", 0, "0 sesiones abiertas")]
    [InlineData("es-SV", "StaffSecurity.OpenSessions", 1, "1 sesión abierta")]
    [InlineData("en", "Nearby.ShopCount", 1, "1 shop")]
    [InlineData("en", "Nearby.ShopCount", 2, "2 shops")]
    public void CountedText_TakesTheFormOfItsNumber(string culture, string key, int count, string expected)
    {
        var text = Host.Services.GetRequiredService<IStringLocalizer<Ui>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            (key == "Search.Count" ? text.Plural(key, count, "pan") : text.Plural(key, count)).Value.ShouldBe(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("Ui.resx")]
    [InlineData("Ui.en.resx")]
    public void EveryCountedText_HasBothForms_AndNoTextSaysItsPluralWithParentheses(string file)
    {
        var values = XDocument.Load(ResourcePath(file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

        values.Where(v => v.Value.Contains("(s)", StringComparison.Ordinal)).Select(v => v.Key).ShouldBeEmpty();
        var counted = values.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal)).Select(k => k[..^".One".Length]).ToList();
        counted.ShouldNotBeEmpty();
        counted.Where(k => !values.ContainsKey(k + ".Other") || values.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchWithNoResults_SaysZeroInThePlural_InSpanishAndEnglish()
    {
        var spanish = await Host.CreateClient().GetStringAsync("/?q=zzqxw");
        var cookies = new CookieContainer();
        cookies.Add(Host.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = await Host.CreateClient(cookies).GetStringAsync("/?q=zzqxw");

        spanish.ShouldContain("<h2 class=\"count\">0 resultados para «zzqxw»</h2>");
        english.ShouldContain("<h2 class=\"count\">0 results for “zzqxw”</h2>");
    }

    [Fact]
    public async Task ConfirmationOfOneOrder_SaysOnePedido()
    {
        var product = await Checkout.StockedProductOfAsync(Host, "tere@demo.sv");
        var placed = await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)));

        var page = await Host.CreateClient().GetStringAsync("/pedidos/confirmados?codigos=" + placed.Orders[0].Code);

        page.ShouldContain("¡Listo! Hiciste 1 pedido. La tienda lo recibe ahora mismo.");
    }

    private static string ResourcePath(string file, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "Market.Web", "Resources", file);
}
