using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Support;
using Market.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Market.Tests.Integration.Spine;

/// <summary>
/// The worker as its own host: the web node consumes nothing, yet its clients see every order live, because the
/// worker pushes through SignalR's Redis backplane. The two hosts share only Redis and the database.
/// </summary>
public sealed class SeparateWorkerTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private MarketHost web = null!;
    private IHost worker = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        web = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?> { ["Fulfilment:RunWorker"] = "false" });
        worker = MarketWorkerApp.Build(new HostApplicationBuilderSettings { EnvironmentName = "Production" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                ["Database:ConnectionString"] = web.App.Configuration["Database:ConnectionString"],
                ["Fulfilment:Stream"] = web.App.Configuration["Fulfilment:Stream"],
                ["Fulfilment:PollInterval"] = "00:00:00.100",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await worker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await worker.StopAsync();
        worker.Dispose();
        await web.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task OrderPlacedOnAWebNodeWithoutWorker_IsHandledByTheWorkerProcess_AndStreamedToTheShopLive()
    {
        var (shopkeeper, cookies) = await web.SignInAsync("tere@demo.sv");
        await using var shop = await LiveClient.ConnectAsync(web, cookies);
        await shop.FollowShopAsync(long.MaxValue);
        var product = await Checkout.StockedProductOfAsync(web, "tere@demo.sv");

        var code = (await Checkout.PlaceAsync(web.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        await shop.WaitForAsync(u => u.Code == code && u.Status == OrderStatus.Placed);
        (await shopkeeper.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason)).EnsureSuccessStatusCode();
        await shop.WaitForAsync(u => u.Code == code && u.Status == OrderStatus.Accepted);

        (await Eventually.Until(
                () => Checkout.QueryAsync(web, db => db.FulfilmentHandlings.CountAsync(h => db.Orders.Any(o => o.Id == h.OrderId && o.Code == code))),
                count => count == 2))
            .ShouldBe(2);
    }
}
