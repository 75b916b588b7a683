using Market.Orders.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using StackExchange.Redis;

namespace Market.Web.Operations;

/// <summary>What running several web nodes needs: health, metrics, shared rate limits and shared data-protection keys.</summary>
public static class OperationsExtensions
{
    public const string DataProtectionKeys = "market:dataprotection-keys";

    internal const string Ready = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<RedisHealthCheck>("redis", tags: [Ready], timeout: CheckTimeout);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(OrdersMetrics.MeterName, "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());

        services.AddOptions<OperationsOptions>()
            .BindConfiguration(OperationsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ManagementServer>();
        services.AddHostedService(s => s.GetRequiredService<ManagementServer>());

        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RedisRateLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = TooManyRequests.OnRejected;
            foreach (var policy in RateLimitPolicies.All)
            {
                o.AddPolicy(policy, context => context.RequestServices.GetRequiredService<RedisRateLimiter>().PartitionFor(policy, context));
            }
        });

        // One key ring for every node, so a cookie or anti-forgery token made by one node is read by the others.
        services.AddDataProtection().SetApplicationName("Mercado Cercano");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKeys));
        return builder;
    }

    /// <summary>
    /// Goes after routing, which tells the limiter each endpoint's policy, and after request localization (the 429
    /// message is translated). Metrics and readiness details are on the management listener only.
    /// </summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseRateLimiter();
        // A bare status for the proxy and the orchestrator: which dependency failed is for operators.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
