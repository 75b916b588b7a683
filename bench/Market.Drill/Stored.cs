using System.Globalization;
using Npgsql;
using StackExchange.Redis;

namespace Market.Drill;

internal sealed record StoredOrder(Guid Id, string Code, int ShopId, long TotalCents);

internal sealed record StoredEvent(string Code, int Sequence, string Status, bool Handled);

internal sealed record StoredLedgerRow(string Code, string Kind, long AmountCents);

/// <summary>The fulfilment stream as the consumer group sees it (names as in FulfilmentOptions' defaults).</summary>
internal sealed record QueueState(bool Reachable, long Pending, bool AllRead, long DeadLettered)
{
    public const string Stream = "orders:fulfilment";
    public const string DeadLetterStream = "orders:fulfilment:dead";
    public const string Group = "fulfilment";

    public bool Drained => Reachable && Pending == 0 && AllRead;
}

/// <summary>What PostgreSQL holds for this run's orders (those whose Idempotency-Key the drill made), and the queue.</summary>
internal sealed record Stored(
    IReadOnlyDictionary<string, StoredOrder> Orders,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<StoredLedgerRow> Ledger,
    IReadOnlyDictionary<int, int?> Stock,
    long ProductsBelowZero,
    long OutboxUnpublished,
    double MaxLagSeconds,
    QueueState Queue);

/// <summary>Reads the spine's stores straight, not through the app: the app is what is under test.</summary>
internal sealed class Spine(NpgsqlDataSource db, IConnectionMultiplexer redis, string run)
{
    private string KeyPrefix => $"drill-{run}-%";

    /// <summary>Gives each tracked product its starting stock, before any order.</summary>
    public async Task SetStockAsync(IReadOnlyDictionary<int, int> stock)
    {
        foreach (var (productId, units) in stock)
        {
            await using var command = db.CreateCommand("""UPDATE "Products" SET "Stock" = @units WHERE "Id" = @id""");
            command.Parameters.AddWithValue("units", units);
            command.Parameters.AddWithValue("id", productId);
            if (await command.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException($"product {productId} not found");
            }
        }
    }

    public async Task<Stored> ReadAsync(IReadOnlyCollection<int> trackedProducts)
    {
        var orders = new Dictionary<string, StoredOrder>(StringComparer.Ordinal);
        await foreach (var r in RowsAsync("""
            SELECT "Id", "Code", "ShopId", "Subtotal" + "DeliveryFee" FROM "Orders" WHERE "IdempotencyKey" LIKE @prefix
            """))
        {
            orders[r.GetString(1)] = new StoredOrder(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3));
        }
        var events = new List<StoredEvent>();
        await foreach (var r in RowsAsync("""
            SELECT o."Code", e."Sequence", e."Status", h."OrderId" IS NOT NULL
            FROM "OrderEvents" e JOIN "Orders" o ON o."Id" = e."OrderId"
            LEFT JOIN "FulfilmentHandlings" h ON h."OrderId" = e."OrderId" AND h."Sequence" = e."Sequence"
            WHERE o."IdempotencyKey" LIKE @prefix
            """))
        {
            events.Add(new StoredEvent(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetBoolean(3)));
        }
        var ledger = new List<StoredLedgerRow>();
        await foreach (var r in RowsAsync("""
            SELECT o."Code", l."Kind", l."Amount" FROM "Ledger" l JOIN "Orders" o ON o."Id" = l."OrderId" WHERE o."IdempotencyKey" LIKE @prefix
            """))
        {
            ledger.Add(new StoredLedgerRow(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }
        var stock = new Dictionary<int, int?>();
        await using (var command = db.CreateCommand("""SELECT "Id", "Stock" FROM "Products" WHERE "Id" = ANY(@ids)"""))
        {
            command.Parameters.AddWithValue("ids", trackedProducts.ToArray());
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                stock[r.GetInt32(0)] = r.IsDBNull(1) ? null : r.GetInt32(1);
            }
        }
        return new Stored(orders, events, ledger, stock,
            await ScalarAsync<long>("""SELECT count(*) FROM "Products" WHERE "Stock" < 0"""),
            await ScalarAsync<long>("""SELECT count(*) FROM "Outbox" WHERE "PublishedAt" IS NULL"""),
            await ScalarAsync<double>("""
                SELECT COALESCE(EXTRACT(EPOCH FROM max(h."HandledAt" - e."OccurredAt")), 0)::float8
                FROM "OrderEvents" e JOIN "Orders" o ON o."Id" = e."OrderId"
                JOIN "FulfilmentHandlings" h ON h."OrderId" = e."OrderId" AND h."Sequence" = e."Sequence"
                WHERE o."IdempotencyKey" LIKE @prefix
                """),
            await QueueAsync());
    }

    /// <summary>
    /// The order events whose entries the consumer of a worker process had read and not acknowledged: once the process
    /// is dead they are delivered again to another worker, and a push it made before dying is then made again.
    /// </summary>
    public async Task<IReadOnlyList<(Guid OrderId, int Sequence)>> HeldByAsync(string pid)
    {
        var r = redis.GetDatabase();
        var held = new List<(Guid, int)>();
        // Consumers are named machine-pid-suffix (FulfilmentWorker).
        foreach (var consumer in (await r.StreamConsumerInfoAsync(QueueState.Stream, QueueState.Group))
                     .Where(c => c.Name.Contains($"-{pid}-", StringComparison.Ordinal)))
        {
            foreach (var pending in await r.StreamPendingMessagesAsync(QueueState.Stream, QueueState.Group, 10_000, consumer.Name))
            {
                foreach (var entry in await r.StreamRangeAsync(QueueState.Stream, pending.MessageId, pending.MessageId))
                {
                    if (Guid.TryParse(entry["order"].ToString(), out var orderId) && entry["seq"].TryParse(out int sequence))
                    {
                        held.Add((orderId, sequence));
                    }
                }
            }
        }
        return held;
    }

    private async Task<QueueState> QueueAsync()
    {
        try
        {
            var r = redis.GetDatabase();
            var stream = await r.StreamInfoAsync(QueueState.Stream);
            var group = (await r.StreamGroupInfoAsync(QueueState.Stream)).SingleOrDefault(g => g.Name == QueueState.Group);
            var dead = await r.StreamLengthAsync(QueueState.DeadLetterStream);
            return new QueueState(true, group.PendingMessageCount, group.LastDeliveredId == stream.LastGeneratedId, dead);
        }
        catch (RedisException)
        {
            return new QueueState(false, 0, false, 0);
        }
    }

    private async IAsyncEnumerable<NpgsqlDataReader> RowsAsync(string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("prefix", KeyPrefix);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return reader;
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = db.CreateCommand(sql);
        if (sql.Contains("@prefix", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("prefix", KeyPrefix);
        }
        return (T)Convert.ChangeType(await command.ExecuteScalarAsync(), typeof(T), CultureInfo.InvariantCulture)!;
    }
}
