using Market.Core.Data;
using Market.Core.Ordering;
using Market.Orders.LiveUpdates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Market.Orders.Queue;

public enum HandlingOutcome
{
    Handled,
    AlreadyHandled,
    Failed,
    DeadLettered,
}

/// <summary>
/// One member of the fulfilment consumer group. Reading, reclaiming and handling are separate steps so that tests
/// can stop a worker between reading an entry and acknowledging it, as a crash would.
/// </summary>
public sealed class FulfilmentConsumer(
    string name,
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    IOptions<FulfilmentOptions> options,
    TimeProvider clock,
    ILogger<FulfilmentConsumer> logger)
{
    private FulfilmentOptions O => options.Value;
    private IDatabase Redis => redis.GetDatabase();

    public string Name => name;

    public async Task EnsureGroupAsync()
    {
        try
        {
            await Redis.StreamCreateConsumerGroupAsync(O.Stream, O.Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already: another worker or an earlier start created it.
        }
    }

    public async Task<StreamEntry[]> ReadNewAsync() =>
        await Redis.StreamReadGroupAsync(O.Stream, O.Group, name, StreamPosition.NewMessages, O.BatchSize);

    /// <summary>Takes over entries that another consumer read but did not acknowledge within the idle time.</summary>
    public async Task<StreamEntry[]> ClaimStaleAsync()
    {
        var result = await Redis.StreamAutoClaimAsync(O.Stream, O.Group, name, (long)O.ClaimIdleTime.TotalMilliseconds, "0-0", O.BatchSize);
        if (result.DeletedIds.Length > 0)
        {
            await Redis.StreamAcknowledgeAsync(O.Stream, O.Group, result.DeletedIds);
        }
        return result.ClaimedEntries;
    }

    public async Task<HandlingOutcome> HandleAsync(StreamEntry entry, CancellationToken ct)
    {
        try
        {
            var outcome = await TakeEffectAsync(entry, ct);
            await Redis.StreamAcknowledgeAsync(O.Stream, O.Group, entry.Id);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not RedisConnectionException)
        {
            logger.LogWarning(ex, "Fulfilment entry {EntryId} of order {OrderId} failed", entry.Id, entry["order"]);
            return await DeadLetterIfExhaustedAsync(entry, ex);
        }
    }

    private async Task<HandlingOutcome> TakeEffectAsync(StreamEntry entry, CancellationToken ct)
    {
        var orderId = Guid.Parse(entry["order"].ToString());
        var sequence = (int)entry["seq"];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        if (await db.FulfilmentHandlings.AnyAsync(h => h.OrderId == orderId && h.Sequence == sequence, ct))
        {
            return HandlingOutcome.AlreadyHandled;
        }
        var update = await scope.ServiceProvider.GetRequiredService<OrderFeed>().ForEventAsync(orderId, sequence, ct)
            ?? throw new InvalidOperationException($"Order event {orderId}/{sequence} does not exist.");
        await scope.ServiceProvider.GetRequiredService<IOrderUpdates>().PublishAsync(update, ct);
        db.FulfilmentHandlings.Add(new FulfilmentHandling { OrderId = orderId, Sequence = sequence, Consumer = name, HandledAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return HandlingOutcome.AlreadyHandled;
        }
        logger.LogInformation("Order {OrderCode} event {Sequence} ({Status}) handled by {Consumer}", update.Code, sequence, update.Status, name);
        return HandlingOutcome.Handled;
    }

    private async Task<HandlingOutcome> DeadLetterIfExhaustedAsync(StreamEntry entry, Exception error)
    {
        var pending = await Redis.StreamPendingMessagesAsync(O.Stream, O.Group, 1, RedisValue.Null, entry.Id, entry.Id);
        if (pending.Length == 0 || pending[0].DeliveryCount < O.MaxDeliveries)
        {
            return HandlingOutcome.Failed;
        }
        await Redis.StreamAddAsync(O.DeadLetterStream,
            [.. entry.Values, new("entry", entry.Id), new("error", error.Message), new("consumer", name)]);
        await Redis.StreamAcknowledgeAsync(O.Stream, O.Group, entry.Id);
        logger.LogError("Fulfilment entry {EntryId} of order {OrderId} moved to the dead-letter stream after {Deliveries} deliveries",
            entry.Id, entry["order"], pending[0].DeliveryCount);
        return HandlingOutcome.DeadLettered;
    }
}
