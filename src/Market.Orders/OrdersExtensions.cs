using Market.Orders.Checkout;
using Market.Orders.Fulfilling;
using Market.Orders.LiveUpdates;
using Market.Orders.Payments;
using Market.Orders.Queue;
using Market.Orders.Telemetry;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace Market.Orders;

public static class OrdersExtensions
{
    /// <summary>Placing and moving orders, the outbox relay, and (if configured) a fulfilment worker in this process.</summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FulfilmentOptions>()
            .BindConfiguration(FulfilmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var redis = builder.Configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not set.");
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        builder.Services.AddOrdersMetrics();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<StreamSignal>();
        builder.Services.AddScoped<PlaceOrderHandler>();
        builder.Services.AddScoped<AdvanceOrderHandler>();
        builder.Services.AddScoped<OrderFeed>();
        // Live updates go out through SignalR's Redis backplane, so a worker in another process reaches every web node's clients.
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("market"));
        builder.Services.AddSingleton<BackplaneResync>();
        builder.Services.AddSingleton<LiveSessions>();
        builder.Services.AddHostedService(s => s.GetRequiredService<LiveSessions>());
        builder.Services.AddOptions<RedisOptions>()
            .Configure<BackplaneResync>((o, resync) => o.ConnectionFactory = log => resync.ConnectAsync(o.Configuration, log));
        builder.Services.AddSingleton<IOrderUpdates, SignalROrderUpdates>();
        builder.Services.AddSingleton<Market.Core.MarketDays.IMarketDayNotices, SignalRMarketDayNotices>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.AddPayments();
        if (builder.Configuration.GetValue(FulfilmentOptions.Section + ":" + nameof(FulfilmentOptions.RunWorker), true))
        {
            builder.Services.AddHostedService<FulfilmentWorker>();
        }
        return builder;
    }
}
