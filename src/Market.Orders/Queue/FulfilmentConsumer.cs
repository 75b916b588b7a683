using Market.Core.Data;
using Market.Core.Ordering;
using Market.Orders.LiveUpdates;
using Market.Orders.Telemetry;
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
    OrdersMetrics metrics,
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

    public async Task<HandlingOutcome> HandleAsync(StreamEntry entry, CancellationToken ct) => (await HandleAsync([entry], ct))[0];

    /// <summary>
    /// Takes a batch into effect with one read and one write, then acknowledges it: under load the database's single
    /// writer is the bottleneck, so one transaction per batch rather than per entry.
    /// </summary>
    public async Task<IReadOnlyList<HandlingOutcome>> HandleAsync(IReadOnlyList<StreamEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return [];
        }
        var outcomes = new HandlingOutcome[entries.Count];
        var errors = new Dictionary<int, string>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
            var keys = entries.Select(Key).ToList();
            var orderIds = keys.Where(k => k is not null).Select(k => k!.Value.OrderId).Distinct().ToList();
            var done = (await db.FulfilmentHandlings.Where(h => orderIds.Contains(h.OrderId))
                .Select(h => new { h.OrderId, h.Sequence }).ToListAsync(ct)).Select(h => (h.OrderId, h.Sequence)).ToHashSet();
            var updates = await scope.ServiceProvider.GetRequiredService<OrderFeed>().ForOrdersAsync(orderIds, ct);
            var live = scope.ServiceProvider.GetRequiredService<IOrderUpdates>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (keys[i] is not { } key || !updates.TryGetValue(key, out var update))
                {
                    outcomes[i] = HandlingOutcome.Failed;
                    errors[i] = $"Order event {entries[i]["order"]}/{entries[i]["seq"]} does not exist.";
                    continue;
                }
                if (!done.Add(key))
                {
                    outcomes[i] = HandlingOutcome.AlreadyHandled;
                    continue;
                }
                using var orderScope = logger.BeginScope("Order {OrderCode}", update.Code);
                await live.PublishAsync(update, ct);
                db.FulfilmentHandlings.Add(new FulfilmentHandling { OrderId = key.OrderId, Sequence = key.Sequence, Consumer = name, HandledAt = clock.GetUtcNow() });
                outcomes[i] = HandlingOutcome.Handled;
                logger.LogInformation("Order {OrderCode} event {Sequence} ({Status}) handled by {Consumer}", update.Code, key.Sequence, update.Status, name);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                var handledAt = clock.GetUtcNow();
                for (var i = 0; i < entries.Count; i++)
                {
                    if (outcomes[i] == HandlingOutcome.Handled && updates[keys[i]!.Value] is var update)
                    {
                        metrics.EventHandled(update.Status, handledAt - update.OccurredAt);
                    }
                }
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && entries.Count > 1)
            {
                // Another worker stored some of these meanwhile: settle them one by one, each idempotent.
                var single = new List<HandlingOutcome>();
                foreach (var entry in entries)
                {
                    single.Add(await HandleAsync(entry, ct));
                }
                return single;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                outcomes[0] = HandlingOutcome.AlreadyHandled;
            }
        }

        var settled = entries.Where((_, i) => outcomes[i] != HandlingOutcome.Failed).Select(e => e.Id).ToArray();
        if (settled.Length > 0)
        {
            await Redis.StreamAcknowledgeAsync(O.Stream, O.Group, settled);
        }
        foreach (var (i, error) in errors)
        {
            logger.LogWarning("Fulfilment entry {EntryId} failed: {Error}", entries[i].Id, error);
            outcomes[i] = await DeadLetterIfExhaustedAsync(entries[i], error);
        }
        return outcomes;
    }

    private static (Guid OrderId, int Sequence)? Key(StreamEntry entry) =>
        Guid.TryParse(entry["order"].ToString(), out var orderId) && entry["seq"].TryParse(out int sequence) ? (orderId, sequence) : null;

    private async Task<HandlingOutcome> DeadLetterIfExhaustedAsync(StreamEntry entry, string error)
    {
        var pending = await Redis.StreamPendingMessagesAsync(O.Stream, O.Group, 1, RedisValue.Null, entry.Id, entry.Id);
        if (pending.Length == 0 || pending[0].DeliveryCount < O.MaxDeliveries)
        {
            return HandlingOutcome.Failed;
        }
        await Redis.StreamAddAsync(O.DeadLetterStream,
            [.. entry.Values, new("entry", entry.Id), new("error", error), new("consumer", name)]);
        await Redis.StreamAcknowledgeAsync(O.Stream, O.Group, entry.Id);
        metrics.EntryDeadLettered();
        logger.LogError("Fulfilment entry {EntryId} of order {OrderId} moved to the dead-letter stream after {Deliveries} deliveries",
            entry.Id, entry["order"], pending[0].DeliveryCount);
        return HandlingOutcome.DeadLettered;
    }
}
