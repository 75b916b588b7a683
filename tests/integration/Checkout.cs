using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Market.Core.Catalog;
using Market.Core.Data;
using Market.Tests.Support;
using Market.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration;

/// <summary>Places orders through the JSON API as a resident would, and reads what the database holds.</summary>
public static class Checkout
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PlaceOrderRequest Request(Fulfilment fulfilment, params (int ShopId, int ProductId, int Quantity)[] lines) => new(
        new CustomerDto("Ana López", "+503 7123 4567", "Colonia Escalón, pasaje 3 #12", "portón verde"),
        [.. lines.Select(l => new Market.Orders.Checkout.CartLine(l.ProductId, l.Quantity))],
        [.. lines.Select(l => l.ShopId).Distinct().Select(s => new ShopChoiceDto(s, fulfilment, null))]);

    /// <summary>The body of a step that needs no reason: the API takes state changes as JSON only.</summary>
    public static StringContent NoReason => new("{}", System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, PlaceOrderRequest request, string? key = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/pedidos") { Content = JsonContent.Create(request, options: Json) };
        message.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return client.SendAsync(message);
    }

    public static async Task<PlacedDto> PlaceAsync(HttpClient client, PlaceOrderRequest request, string? key = null)
    {
        var response = await PostAsync(client, request, key);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<PlacedDto>(body, Json)!;
    }

    public static async Task<T> QueryAsync<T>(MarketHost host, Func<MarketDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketDbContext>());
    }

    /// <summary>A product that counts stock, of the demo shop owned by the account, restocked so earlier tests cannot starve it.</summary>
    public static async Task<Product> StockedProductOfAsync(MarketHost host, string ownerEmail, int stock = 50)
    {
        var product = await QueryAsync(host, db => db.Products.AsNoTracking().Include(p => p.Shop)
            .Where(p => p.Stock != null && db.Users.Any(u => u.Id == p.Shop.OwnerId && u.Email == ownerEmail))
            .OrderBy(p => p.Id).FirstAsync());
        await QueryAsync(host, db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, stock)));
        product.Stock = stock;
        return product;
    }
}
