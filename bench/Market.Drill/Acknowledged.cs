using System.Diagnostics;

namespace Market.Drill;

/// <summary>An order as a 201 described it, with the lines the drill asked for at its shop (product id → units).</summary>
internal sealed record AckedOrder(string Code, int ShopId, string Key, long TotalCents, IReadOnlyDictionary<int, int> Lines);

/// <summary>Units of a product taken (positive, when the 201 arrived) or put back (negative, when the step was first sent).</summary>
internal sealed record StockMove(long At, int ProductId, int Units);

/// <summary>
/// What the drill's clients were answered 201 or 200 for: the orders placed and each step taken, with its sequence and
/// status. The database and the live clients are both checked against this, so that an order the clients were promised
/// cannot go missing by being absent everywhere at once.
/// </summary>
internal sealed class Acknowledged
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AckedOrder> orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<int, string>> events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> checkouts = new(StringComparer.Ordinal);
    private readonly List<StockMove> moves = [];
    private int conflictingAnswers;
    private int refusedForStock;

    /// <summary>Checkouts answered, on a retry or a double tap, with other orders than their first 201.</summary>
    public int ConflictingAnswers => Volatile.Read(ref conflictingAnswers);

    public int RefusedForStock => Volatile.Read(ref refusedForStock);

    public void Refused() => Interlocked.Increment(ref refusedForStock);

    public void Placed(string key, IReadOnlyList<CheckoutOrderDto> answer, IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> linesByShop)
    {
        var codes = string.Join(' ', answer.Select(o => o.Code).Order(StringComparer.Ordinal));
        var at = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (checkouts.TryGetValue(key, out var first) && first != codes)
            {
                conflictingAnswers++;
            }
            checkouts.TryAdd(key, codes);
            // Every order a 201 named was promised to the client, a conflicting second answer's too.
            foreach (var order in answer.Where(o => !orders.ContainsKey(o.Code)))
            {
                var lines = linesByShop.TryGetValue(order.ShopId, out var l) ? l : new Dictionary<int, int>();
                orders[order.Code] = new AckedOrder(order.Code, order.ShopId, key, order.TotalCents, lines);
                events[order.Code] = new() { [1] = order.Status };
                moves.AddRange(lines.Select(line => new StockMove(at, line.Key, line.Value)));
            }
        }
    }

    /// <param name="firstSentAt">When the step's first attempt was sent: a release may have taken effect from then on.</param>
    public void Stepped(string code, int sequence, string status, long firstSentAt)
    {
        lock (gate)
        {
            if (!events.TryGetValue(code, out var sequences))
            {
                events[code] = sequences = [];
            }
            sequences[sequence] = status;
            if (status is "Rejected" or "Cancelled" && orders.TryGetValue(code, out var order))
            {
                moves.AddRange(order.Lines.Select(line => new StockMove(firstSentAt, line.Key, -line.Value)));
            }
        }
    }

    public IReadOnlyDictionary<string, AckedOrder> Orders()
    {
        lock (gate)
        {
            return new Dictionary<string, AckedOrder>(orders, StringComparer.Ordinal);
        }
    }

    /// <summary>Per order code, the acknowledged sequences and their status.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> Events()
    {
        lock (gate)
        {
            return events.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<int, string>)new SortedDictionary<int, string>(e.Value),
                StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<StockMove> Moves()
    {
        lock (gate)
        {
            return [.. moves];
        }
    }
}
