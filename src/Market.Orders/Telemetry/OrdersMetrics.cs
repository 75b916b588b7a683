using System.Diagnostics.Metrics;
using Market.Core.Ordering;

namespace Market.Orders.Telemetry;

/// <summary>
/// The order spine's instruments, meter "Market.Orders". Counters count what this process did; the queue gauges
/// show the shared stream as the last <see cref="QueueSampler"/> saw it, so a scrape never waits for Redis.
/// </summary>
public sealed class OrdersMetrics
{
    public const string MeterName = "Market.Orders";

    private readonly Counter<long> placed;
    private readonly Counter<long> handled;
    private readonly Counter<long> deadLettered;
    private readonly Histogram<double> handlingLatency;

    public OrdersMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        placed = meter.CreateCounter<long>("market.orders.placed", "{order}", "Orders placed (committed) by checkouts in this process.");
        handled = meter.CreateCounter<long>("market.orders.handled", "{event}", "Order events taken into effect by fulfilment workers in this process.");
        deadLettered = meter.CreateCounter<long>("market.orders.dead_lettered", "{entry}", "Stream entries this process moved to the dead-letter stream.");
        handlingLatency = meter.CreateHistogram<double>("market.orders.handling.latency", "s",
            "Time from an order event (the placement or a later step) to its handling by a fulfilment worker.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        meter.CreateObservableGauge("market.orders.stream.length", () => Queue.StreamLength, "{entry}", "Entries in the fulfilment stream (XLEN).");
        meter.CreateObservableGauge("market.orders.stream.pending", () => Queue.Pending, "{entry}", "Entries read by a worker and not yet acknowledged (XPENDING).");
        meter.CreateObservableGauge("market.orders.dead_letter.length", () => Queue.DeadLettered, "{entry}", "Entries in the dead-letter stream (XLEN).");
    }

    /// <summary>Set by the sampler; empty (no measurement) until Redis first answered.</summary>
    internal QueueSample Queue { get; set; } = QueueSample.Unknown;

    public void OrdersPlaced(int count) => placed.Add(count);

    public void EventHandled(OrderStatus status, TimeSpan sinceEvent)
    {
        var tag = new KeyValuePair<string, object?>("status", status.ToString());
        handled.Add(1, tag);
        handlingLatency.Record(Math.Max(0, sinceEvent.TotalSeconds), tag);
    }

    public void EntryDeadLettered() => deadLettered.Add(1);
}
