namespace Market.Drill;

/// <summary>A client's share of the figures; the pushes are repeats beyond the first, as "code/sequence" each.</summary>
internal sealed record ClientFigures(string Name, int Expected, int Missed, int Unexpected, IReadOnlyList<string> DuplicatePushes,
    IReadOnlyList<string> RedeliveredPushes);

/// <summary>
/// The run's figures. Each compares what the clients were acknowledged (201/200) with the database, the queue, and
/// what the live clients received, in both directions.
/// </summary>
internal sealed record Figures(
    int OrdersPlaced,
    int AckedMissingFromDatabase,
    int Unhandled,
    int LedgerMissing,
    int DuplicatePushes,
    int RedeliveredPushes,
    int ConflictingAnswers,
    int LedgerExtra,
    int Unacknowledged,
    double MaxLagSeconds,
    IReadOnlyList<ClientFigures> Clients,
    int StockBelowZero,
    int UnitsSold,
    int UnitsAccepted)
{
    /// <summary>Acknowledged but not stored, stored but never handled by a worker, or a sale missing from the ledger.</summary>
    public int Lost => AckedMissingFromDatabase + Unhandled + LedgerMissing;

    /// <summary>
    /// Pushes received twice, a checkout answered with other orders the second time, a ledger row too many. A push
    /// repeated for an entry a SIGKILLed worker held unacknowledged is not among them: that redelivery is the queue's
    /// contract (handling is recorded after the push, and the crash fell between), and is counted apart.
    /// </summary>
    public int Duplicated => DuplicatePushes + ConflictingAnswers + LedgerExtra;

    public int MissedByClients => Clients.Sum(c => c.Missed);

    public int UnexpectedAtClients => Clients.Sum(c => c.Unexpected);

    public bool Settled(Stored stored) => Lost == 0 && MissedByClients == 0 && stored.OutboxUnpublished == 0 && stored.Queue.Drained;

    /// <param name="heldByKilledWorkers">Order events whose entries a worker held unacknowledged when it was SIGKILLed.</param>
    public static Figures Of(Acknowledged acked, Stored stored, IReadOnlyList<LiveClient> clients, IReadOnlyDictionary<int, int> startingStock,
        IReadOnlyCollection<(Guid OrderId, int Sequence)> heldByKilledWorkers)
    {
        var orders = acked.Orders();
        var codes = stored.Orders.Values.ToDictionary(o => o.Id, o => o.Code);
        var redeliverable = heldByKilledWorkers.Where(h => codes.ContainsKey(h.OrderId)).Select(h => (codes[h.OrderId], h.Sequence)).ToHashSet();
        var events = acked.Events();
        var storedEvents = stored.Events.ToDictionary(e => (e.Code, e.Sequence));

        var missingFromDatabase = events.Sum(o => o.Value.Keys.Count(seq => !storedEvents.ContainsKey((o.Key, seq))));
        var unhandled = stored.Events.Count(e => !e.Handled);
        // Stored but answered to no client, or stored otherwise than the client was told (an event's status, an order's
        // shop or total).
        var unacknowledged = stored.Events.Count(e =>
                !events.TryGetValue(e.Code, out var seqs) || !seqs.TryGetValue(e.Sequence, out var status) || status != e.Status)
            + orders.Values.Count(o => stored.Orders.TryGetValue(o.Code, out var s) && (s.ShopId != o.ShopId || s.TotalCents != o.TotalCents));

        // A cash order handed over has exactly one sale in the ledger, of its total (no commission is configured here).
        var expectedLedger = orders.Values
            .Where(o => events.TryGetValue(o.Code, out var seqs) && seqs.Values.LastOrDefault() is "PickedUp" or "Delivered")
            .Select(o => new StoredLedgerRow(o.Code, "CashSale", o.TotalCents)).ToList();
        var ledgerMissing = expectedLedger.Except(stored.Ledger).Count();
        var ledgerExtra = stored.Ledger.Count - (expectedLedger.Count - ledgerMissing);

        var clientFigures = clients.Select(c => ForClient(c, orders, events, redeliverable)).ToList();

        var finalStock = startingStock.ToDictionary(s => s.Key, s => stored.Stock.TryGetValue(s.Key, out var now) ? now ?? 0 : 0);
        var moves = acked.Moves().Where(m => startingStock.ContainsKey(m.ProductId)).ToList();
        return new Figures(
            orders.Count,
            missingFromDatabase,
            unhandled,
            ledgerMissing,
            clientFigures.Sum(c => c.DuplicatePushes.Count),
            clientFigures.Sum(c => c.RedeliveredPushes.Count),
            acked.ConflictingAnswers,
            ledgerExtra,
            unacknowledged,
            stored.MaxLagSeconds,
            clientFigures,
            (int)stored.ProductsBelowZero + startingStock.Count(s => PromisedBelowZero(s.Value, moves.Where(m => m.ProductId == s.Key))),
            startingStock.Sum(s => s.Value - finalStock[s.Key]),
            moves.Sum(m => m.Units));
    }

    /// <summary>
    /// Whether the clients hold proof that a product was sold beyond its stock at some moment: a unit was surely taken
    /// once its 201 arrived, and surely not put back before its release was first sent, so if the units acknowledged up
    /// to some moment exceed the starting stock plus every release sent by then, the stock was below zero then.
    /// The database's own check constraint on stock cannot see this: it holds the stored figure, not the promises.
    /// </summary>
    private static bool PromisedBelowZero(int starting, IEnumerable<StockMove> moves)
    {
        var level = starting;
        foreach (var move in moves.OrderBy(m => m.At).ThenBy(m => m.Units))
        {
            level -= move.Units;
            if (level < 0)
            {
                return true;
            }
        }
        return false;
    }

    private static ClientFigures ForClient(LiveClient client, IReadOnlyDictionary<string, AckedOrder> orders,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> events, HashSet<(string, int)> redeliverable)
    {
        // A shopkeeper must have every event of its shop's orders; the resident every event of the orders it follows.
        var mine = client.ShopId is { } shopId
            ? orders.Values.Where(o => o.ShopId == shopId).Select(o => o.Code).ToHashSet(StringComparer.Ordinal)
            : client.Followed.ToHashSet(StringComparer.Ordinal);
        var expected = 0;
        var missed = 0;
        foreach (var code in mine)
        {
            var received = client.ReceivedFor(code);
            var seqs = events.TryGetValue(code, out var s) ? s.Keys : [];
            expected += seqs.Count();
            missed += seqs.Count(seq => !received.Contains(seq));
        }
        var unexpected = client.ReceivedCodes.Sum(code =>
            client.ReceivedFor(code).Count(seq => !mine.Contains(code) || !events.TryGetValue(code, out var s) || !s.ContainsKey(seq)));
        var repeats = client.PushedMoreThanOnce
            .SelectMany(p => Enumerable.Repeat((p.Key, Name: $"{p.Key.Code}/{p.Key.Sequence}"), p.Value - 1)).ToList();
        return new ClientFigures(client.Name, expected, missed, unexpected,
            [.. repeats.Where(r => !redeliverable.Contains(r.Key)).Select(r => r.Name)],
            [.. repeats.Where(r => redeliverable.Contains(r.Key)).Select(r => r.Name)]);
    }
}
