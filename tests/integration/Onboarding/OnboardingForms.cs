using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Market.Core.Catalog;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Onboarding;

/// <summary>Fills in the onboarding forms as a browser would, and sets up the people the tests need.</summary>
public static partial class OnboardingForms
{
    public const string SanSalvador = "SS";
    public const string Soyapango = "SO";

    /// <summary>A Salvadoran mobile number no demo account uses, typed the way people type it.</summary>
    public static string NewPhone() => "+503 7" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

    public static string Normalized(string phone) => phone.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>A complete, valid shop: open Monday to Saturday 07:00–18:00, delivery and pickup, a few hundred metres from the centre.</summary>
    public static async Task<Dictionary<string, string>> ShopAsync(MarketHost host, string name, string municipalityCode = SanSalvador)
    {
        var municipality = await Checkout.QueryAsync(host, db => db.Municipalities.SingleAsync(m => m.Code == municipalityCode));
        var fields = new Dictionary<string, string>
        {
            ["Shop.Name"] = name,
            ["Shop.Kind"] = nameof(ShopKind.Store),
            ["Shop.MunicipalityId"] = municipality.Id.ToString(CultureInfo.InvariantCulture),
            ["Shop.Address"] = "Calle Los Almendros #14, Colonia Centroamérica",
            ["Shop.ReferencePoint"] = "frente a la ceiba",
            ["Shop.Latitude"] = (municipality.Latitude + 0.003).ToString(CultureInfo.InvariantCulture),
            ["Shop.Longitude"] = (municipality.Longitude - 0.002).ToString(CultureInfo.InvariantCulture),
            ["Shop.Phone"] = "+503 2222 3344",
            ["Shop.OffersDelivery"] = "true",
            ["Shop.DeliveryRadiusKm"] = "2,5",
            ["Shop.DeliveryFee"] = "1.00",
            ["Shop.MinimumOrder"] = "5",
            ["Shop.OffersPickup"] = "true",
        };
        var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        for (var i = 0; i < days.Length; i++)
        {
            fields[$"Shop.Hours[{i}].Day"] = days[i].ToString();
            fields[$"Shop.Hours[{i}].Opens"] = "07:00";
            fields[$"Shop.Hours[{i}].Closes"] = "18:00";
            if (days[i] != DayOfWeek.Sunday)
            {
                fields[$"Shop.Hours[{i}].Open"] = "true";
            }
        }
        return fields;
    }

    /// <summary>Opens <paramref name="page"/> for its anti-forgery token, then posts the fields to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(html) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>A visitor with no account registers a shop; returns their signed-in client and the new shop.</summary>
    public static async Task<(HttpClient Client, Shop Shop)> RegisterAsVisitorAsync(MarketHost host, string shopName, string? phone = null)
    {
        var client = host.CreateClient(new CookieContainer(), followRedirects: false);
        var fields = await ShopAsync(host, shopName);
        fields["Account.Name"] = "Rosa Portillo";
        fields["Account.Phone"] = phone ?? NewPhone();
        fields["Account.Password"] = MarketHost.Password;
        var response = await PostAsync(client, "/mi-tienda/registrar", "/mi-tienda/registrar", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe("/mi-tienda");
        return (client, await ShopNamedAsync(host, shopName));
    }

    public static Task<Shop> ShopNamedAsync(MarketHost host, string name) =>
        Checkout.QueryAsync(host, db => db.Shops.AsNoTracking().Include(s => s.Hours).SingleAsync(s => s.Name == name));

    public static Task<Shop> ShopOfAsync(MarketHost host, string ownerEmail) =>
        Checkout.QueryAsync(host, db => db.Shops.AsNoTracking().Include(s => s.Hours)
            .FirstAsync(s => db.Users.Any(u => u.Id == s.OwnerId && u.Email == ownerEmail)));

    public static Task<ShopStatus> StatusAsync(MarketHost host, int shopId) =>
        Checkout.QueryAsync(host, db => db.Shops.Where(s => s.Id == shopId).Select(s => s.Status).SingleAsync());

    public static string SetupCodeIn(string html) =>
        SetupCodePattern().Match(html) is { Success: true } m ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)
            : throw new InvalidOperationException("No setup code in the page.");

    [GeneratedRegex("data-testid=\"setup-code\">([0-9 ]+)<")]
    private static partial Regex SetupCodePattern();
}
