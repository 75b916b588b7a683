using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Market.Orders.Payments;

/// <summary>Periodically cancels card orders unpaid past the timeout and retries refunds that Stripe could not make at once.</summary>
internal sealed class PaymentsSweeper(IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider clock,
    ILogger<PaymentsSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Payments sweep failed; trying again at the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpireUnpaidOrdersHandler>().HandleAsync(new ExpireUnpaidOrders(), ct);
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetryOwedRefundsHandler>().HandleAsync(new RetryOwedRefunds(), ct);
        }
    }
}
