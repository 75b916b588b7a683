using Market.Core;
using Market.Orders;

namespace Market.Worker;

/// <summary>
/// The fulfilment worker on its own: it consumes the order stream and pushes live updates through SignalR's Redis
/// backplane to whichever web node holds the clients. Web nodes then run with Fulfilment:RunWorker=false.
/// </summary>
public static class MarketWorkerApp
{
    public static IHost Build(HostApplicationBuilderSettings settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        configure?.Invoke(builder);
        builder.AddMarketCore();
        builder.AddOrders();
        return builder.Build();
    }
}
