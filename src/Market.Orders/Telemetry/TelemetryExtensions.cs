using Microsoft.Extensions.DependencyInjection;

namespace Market.Orders.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The "Market.Orders" meter and the sampler that feeds its queue gauges; an exporter is the host's choice.</summary>
    public static IServiceCollection AddOrdersMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<OrdersMetrics>();
        services.AddHostedService<QueueSampler>();
        return services;
    }
}
