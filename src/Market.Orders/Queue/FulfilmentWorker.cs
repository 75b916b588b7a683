using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Market.Orders.Queue;

/// <summary>Runs one fulfilment consumer: first entries abandoned by dead workers, then new ones.</summary>
internal sealed class FulfilmentWorker(
    IServiceProvider services,
    IOptions<FulfilmentOptions> options,
    StreamSignal stream,
    TimeProvider clock,
    ILogger<FulfilmentWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        var consumer = ActivatorUtilities.CreateInstance<FulfilmentConsumer>(services, name);
        var groupReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!groupReady)
                {
                    await consumer.EnsureGroupAsync();
                    groupReady = true;
                }
                var handled = (await consumer.HandleAsync(await consumer.ClaimStaleAsync(), stoppingToken)).Count
                    + (await consumer.HandleAsync(await consumer.ReadNewAsync(), stoppingToken)).Count;
                if (handled == 0)
                {
                    await stream.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever failed, the entries stay pending and are retried or taken over; the worker must not die.
                // A restarted Redis without persistence has lost the group: make it again.
                groupReady = !ex.Message.Contains("NOGROUP", StringComparison.Ordinal);
                logger.LogWarning(ex, "Fulfilment worker {Consumer} failed a round; retrying", name);
                await Task.Delay(RetryAfterFailure, clock, stoppingToken);
            }
        }
    }
}
