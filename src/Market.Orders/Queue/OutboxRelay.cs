using Market.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Orders.Queue;

/// <summary>Appends committed order events to the fulfilment stream. While Redis is away they wait safely in the outbox.</summary>
internal sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    IOptions<FulfilmentOptions> options,
    OutboxSignal outbox,
    StreamSignal stream,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RelayBatchAsync(stoppingToken) > 0)
                {
                    continue;
                }
                await outbox.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox relay could not append to the fulfilment stream; retrying");
                await Task.Delay(RetryAfterFailure, clock, stoppingToken);
            }
        }
    }

    internal async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        var batch = await db.TakeOutboxBatchAsync(o.BatchSize, ct);
        if (batch.Count == 0)
        {
            return 0;
        }
        var streamDb = redis.GetDatabase();
        foreach (var message in batch)
        {
            // A crash after this append and before the save appends again; the worker's idempotency absorbs it.
            await streamDb.StreamAddAsync(o.Stream,
                [new("order", message.OrderId.ToString()), new("seq", message.Sequence)],
                maxLength: o.MaxStreamLength, useApproximateMaxLength: true);
            message.PublishedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        if (db.Database.CurrentTransaction is { } taken)
        {
            await taken.CommitAsync(ct);
        }
        stream.Pulse();
        return batch.Count;
    }
}
