using System.Globalization;

namespace Market.Bench;

/// <summary>A sorted sample of latencies in milliseconds; percentiles by the nearest-rank method.</summary>
internal sealed class Latencies
{
    private readonly double[] sorted;

    public Latencies(IEnumerable<TimeSpan> sample)
    {
        sorted = [.. sample.Select(t => t.TotalMilliseconds).Order()];
    }

    public int Count => sorted.Length;

    public double Percentile(double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    public override string ToString() => sorted.Length == 0
        ? "no sample"
        : string.Create(CultureInfo.InvariantCulture,
            $"min {sorted[0]:0.0} ms   p50 {Percentile(50):0.0} ms   p95 {Percentile(95):0.0} ms   p99 {Percentile(99):0.0} ms   max {sorted[^1]:0.0} ms");
}
