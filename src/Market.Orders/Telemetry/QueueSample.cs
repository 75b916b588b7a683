using System.Diagnostics.Metrics;
using Market.Orders.Queue;

namespace Market.Orders.Telemetry;

/// <summary>One reading of the queue, each number tagged with the stream it is about.</summary>
internal sealed record QueueSample(IEnumerable<Measurement<long>> StreamLength, IEnumerable<Measurement<long>> Pending,
    IEnumerable<Measurement<long>> DeadLettered)
{
    public static readonly QueueSample Unknown = new([], [], []);

    public static QueueSample Of(FulfilmentOptions o, long streamLength, long pending, long deadLettered) => new(
        [new(streamLength, Stream(o.Stream))],
        [new(pending, Stream(o.Stream))],
        [new(deadLettered, Stream(o.DeadLetterStream))]);

    private static KeyValuePair<string, object?> Stream(string name) => new("stream", name);
}
