using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Market.Web.Operations;

/// <summary>
/// The operators' listener on Operations:ManagementUrls: /metrics and /health/ready with every check's details. It is a
/// small app of its own inside this process, answering from the site's health checks and meters, so that the site's
/// --urls stay as given (a Listen() in Kestrel's code would replace them) and no route of the site can ever reach it.
/// </summary>
internal sealed class ManagementServer(IOptions<OperationsOptions> options, IServiceProvider site) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>The addresses it listens on (with the real port when :0 was asked for); none when it is turned off.</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Urls is not { Count: > 0 } urls)
        {
            return;
        }
        // An empty builder: none of the site's configuration (ASPNETCORE_URLS, Kestrel endpoints) applies to this listener.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls]);
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(site.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(site.GetRequiredService<HealthCheckService>());
        app = builder.Build();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(OperationsExtensions.Ready),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics", site.GetRequiredService<MeterProvider>(), configureBranchedPipeline: null, optionsName: null);
        await app.StartAsync(cancellationToken);
        Addresses = [.. app.Urls.Select(u => new Uri(u))];
    }

    public Task StopAsync(CancellationToken cancellationToken) => app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
